namespace Vigil.Extraction.Text;

/// <summary>
/// Splits text into words, numbers and punctuation in one pass, without regular expressions (so its time is
/// linear in the text and it cannot hang). Sentence ends are the tokens '.', '!', '?' followed by space and
/// a capital or digit, or a line break.
/// </summary>
public static class Tokenizer
{
    /// <summary>Longer tokens are cut: no word or number in a news text is this long.</summary>
    public const int MaxTokenLength = 64;

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsDigit(c))
            {
                i = ScanNumber(text, i);
                var glued = text.AsSpan(start, i - start).ContainsAnyExceptInRange('0', '9') && HasLetter(text, start, i);
                tokens.Add(glued
                    ? new Token(TokenKind.Word, start, i, text[start..i].ToLowerInvariant())
                    : new Token(TokenKind.Number, start, i, text[start..i]));
            }
            else if (char.IsLetter(c))
            {
                i = ScanWord(text, i);
                tokens.Add(new Token(TokenKind.Word, start, i, text[start..i].ToLowerInvariant()));
            }
            else
            {
                i++;
                tokens.Add(new Token(TokenKind.Punctuation, start, i, Punct(c)));
            }
        }
        return tokens;
    }

    private static readonly string[] AsciiPunctuation = Enumerable.Range(0, 128).Select(c => ((char)c).ToString()).ToArray();

    private static string Punct(char c) => c < 128 ? AsciiPunctuation[c] : c.ToString();

    private static bool HasLetter(string text, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (char.IsLetter(text[k]))
                return true;
        }
        return false;
    }

    private static int ScanWord(string text, int i)
    {
        var start = i;
        while (i < text.Length && i - start < MaxTokenLength)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                i++;
            }
            else if ((c is '-' or '\'' or '’' or '‑') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static int ScanNumber(string text, int i)
    {
        var start = i;
        while (i < text.Length && i - start < MaxTokenLength)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                i++;
            }
            else if ((c is ',' or '.') && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                i++;
            }
            else if (c == '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // "25-year-old", "3-day": a number glued to a word is not a count; keep it one word token.
                return ScanWord(text, i + 1);
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>Whether token <paramref name="index"/> ends a sentence.</summary>
    public static bool EndsSentence(string text, List<Token> tokens, int index)
    {
        var t = tokens[index];
        if (t.Kind != TokenKind.Punctuation || t.Lower is not ("." or "!" or "?"))
            return false;
        if (index + 1 >= tokens.Count)
            return true;
        var next = tokens[index + 1];
        if (next.Start == t.End)
            return false;
        // "Mr. Khan", "St. Mary's": a short capitalised word before the dot is an abbreviation.
        if (t.Lower == "." && index > 0 && tokens[index - 1] is { Kind: TokenKind.Word, Length: <= 3 } prev
            && char.IsUpper(text[prev.Start]) && prev.Lower is "mr" or "mrs" or "ms" or "dr" or "st" or "gen" or "col" or "lt" or "maj" or "capt" or "sgt" or "no")
            return false;
        return char.IsUpper(text[next.Start]) || char.IsDigit(text[next.Start]) || next.Kind == TokenKind.Punctuation;
    }
}
