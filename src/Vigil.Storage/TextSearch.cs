using System.Globalization;
using System.Text;

namespace Vigil.Storage;

/// <summary>
/// A full-text search over incidents' place names, notes and sources (source names, headlines, addresses), as the
/// database's own full-text index answers it. Every term must be found (the terms are AND-ed); a term is one word, or
/// a phrase — words in a row — given in double quotes or joined by punctuation other than brackets and commas
/// ("north-waziristan"); a term ending in
/// <c>*</c> matches any word that begins with its last word. Everything else (operators, brackets, quotes left open,
/// control characters, lone surrogates) is taken as a separator, so no input can be anything but words to look for.
/// Words are letters, marks and digits; case and (on SQLite) diacritics are ignored; there is no stemming.
/// </summary>
public sealed class TextSearch
{
    /// <summary>The longest search text taken, in UTF-16 code units.</summary>
    public const int MaxLength = 500;

    /// <summary>The most terms a search may have.</summary>
    public const int MaxTerms = 32;

    /// <summary>The punctuation that separates terms, as whitespace does (outside quotes).</summary>
    private const string TermBreaks = "()[]{},;!?&|<>+~^=";

    private TextSearch(IReadOnlyList<SearchTerm> terms) => Terms = terms;

    /// <summary>The terms, each of which must be found; at least one.</summary>
    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>The search as Vigil reads it: <c>drone "north waziristan" kill*</c> (words in lower case).</summary>
    public override string ToString() => string.Join(" ", Terms.Select(t => t.ToString()));

    /// <summary>The search in <paramref name="text"/>, or why there is none (too long, too many terms, no word at all).</summary>
    public static (TextSearch? Search, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
            return (null, $"the search is {text.Length:N0} characters long; give at most {MaxLength}");
        var terms = new List<SearchTerm>();
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var hasLetter = false;
        var closed = -1; // the term a closing quote just ended, for a '*' right after it

        var lastWord = "";
        void EndWord()
        {
            if (word.Length > 0 && hasLetter)
            {
                lastWord = word.ToString();
                words.Add(lastWord.ToLowerInvariant());
            }
            word.Clear();
            hasLetter = false;
        }
        void EndTerm()
        {
            EndWord();
            // AND between terms says what the search does anyway; any other word, operator or not, is a word to find.
            if (words.Count > 0 && !(words.Count == 1 && !quoted && lastWord == "AND"))
                terms.Add(new SearchTerm([.. words], Prefix: false));
            words.Clear();
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '"' or '\u201C' or '\u201D' or '\u201E')
            {
                // An opening quote ends the term before it; a closing one ends the phrase (a '*' right after makes it a prefix).
                var count = terms.Count;
                EndTerm();
                closed = quoted && terms.Count > count ? terms.Count - 1 : -1;
                quoted = !quoted;
                continue;
            }
            if (rune.Value == '*')
            {
                // A prefix mark ends the term (outside quotes) or marks the phrase's last word so far (inside).
                EndWord();
                if (words.Count > 0)
                {
                    terms.Add(new SearchTerm([.. words], Prefix: true));
                    words.Clear();
                }
                else if (closed >= 0)
                {
                    terms[closed] = terms[closed] with { Prefix = true };
                }
                closed = -1;
                continue;
            }
            closed = -1;
            if (IsWordPart(rune))
            {
                word.Append(rune.ToString());
                hasLetter |= Rune.IsLetterOrDigit(rune);
                continue;
            }
            // Whitespace, brackets and list punctuation end a term outside quotes; any other separator (a hyphen, an
            // apostrophe, a full stop, a slash) only ends a word: "remote-controlled" stays one phrase.
            if (!quoted && (Rune.IsWhiteSpace(rune) || (rune.IsAscii && TermBreaks.Contains((char)rune.Value, StringComparison.Ordinal))))
                EndTerm();
            else
                EndWord();
        }
        EndTerm();
        // The same term twice asks nothing more.
        var distinct = terms.DistinctBy(t => t.ToString(), StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
            return (null, "the search has no word to look for (words are letters and digits)");
        if (distinct.Count > MaxTerms)
            return (null, $"the search has {distinct.Count} terms; give at most {MaxTerms}");
        return (new TextSearch(distinct), null);
    }

    /// <summary>Letters, digits and the marks that belong to them; a lone surrogate enumerates as U+FFFD, a symbol: never part of a word.</summary>
    private static bool IsWordPart(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };
}

/// <summary>One term of a search: a word, or a phrase (words in a row); with <paramref name="Prefix"/>, its last word is a prefix.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Prefix)
{
    public override string ToString()
    {
        var text = Words.Count == 1 ? Words[0] : "\"" + string.Join(" ", Words) + "\"";
        return Prefix ? text + "*" : text;
    }
}
