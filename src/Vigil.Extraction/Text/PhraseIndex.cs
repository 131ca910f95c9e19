namespace Vigil.Extraction.Text;

/// <summary>
/// Finds known multi-word names in a token list in one pass: names are indexed by their first token, and at
/// each position the longest name that matches wins. Matching is on lower-case tokens; a name marked
/// case-sensitive must also match the text's letters exactly ("IS" the group, not "is" the verb), and every
/// match must start with a capital or digit unless the name itself starts in lower case ("al-Qaeda").
/// </summary>
public sealed class PhraseIndex<T>
{
    private readonly Dictionary<string, List<Entry>> _byFirst = new(StringComparer.Ordinal);

    private sealed record Entry(string[] Tokens, string Name, bool CaseSensitive, T Value);

    public void Add(string name, T value, bool caseSensitive = false)
    {
        var tokens = Tokenizer.Tokenize(name).Where(t => t.Kind != TokenKind.Punctuation || t.Lower is "&").Select(t => t.Lower).ToArray();
        if (tokens.Length == 0)
            return;
        if (!_byFirst.TryGetValue(tokens[0], out var list))
            _byFirst[tokens[0]] = list = [];
        list.Add(new Entry(tokens, name, caseSensitive, value));
    }

    public readonly record struct Match(T Value, int FirstToken, int EndToken, int Start, int End);

    /// <summary>All matches, left to right; ambiguous names give one match per value.</summary>
    public List<Match> FindAll(TextDocument doc, int firstToken = 0, int endToken = -1)
    {
        var tokens = doc.Tokens;
        if (endToken < 0)
            endToken = tokens.Count;
        var found = new List<Match>();
        var i = firstToken;
        while (i < endToken)
        {
            var best = 0;
            List<Entry>? winners = null;
            if (_byFirst.TryGetValue(tokens[i].Lower, out var list))
            {
                var proper = StartsProper(doc, i);
                foreach (var e in list)
                {
                    if (!proper && !char.IsLower(e.Name[0]))
                        continue;
                    var n = MatchLength(doc, i, endToken, e);
                    if (n > best)
                    {
                        best = n;
                        winners = [e];
                    }
                    else if (n == best && n > 0)
                    {
                        winners!.Add(e);
                    }
                }
            }
            if (winners is null)
            {
                i++;
                continue;
            }
            var end = i + best;
            foreach (var w in winners)
                found.Add(new Match(w.Value, i, end, tokens[i].Start, tokens[end - 1].End));
            i = end;
        }
        return found;
    }

    private static bool StartsProper(TextDocument doc, int i)
    {
        var c = doc.Text[doc.Tokens[i].Start];
        return !char.IsLetter(c) || char.IsUpper(c);
    }

    // Number of tokens matched (skipping punctuation in the text between name tokens), or 0.
    private static int MatchLength(TextDocument doc, int i, int endToken, Entry e)
    {
        var tokens = doc.Tokens;
        var k = i;
        foreach (var want in e.Tokens)
        {
            while (k < endToken && tokens[k].Kind == TokenKind.Punctuation && tokens[k].Lower != want && tokens[k].Lower is "-" or "." or "’" or "'")
                k++;
            if (k >= endToken || tokens[k].Lower != want)
                return 0;
            k++;
        }
        if (e.CaseSensitive && !doc.Text.AsSpan(tokens[i].Start, tokens[k - 1].End - tokens[i].Start).SequenceEqual(e.Name.AsSpan()))
            return 0;
        return k - i;
    }
}
