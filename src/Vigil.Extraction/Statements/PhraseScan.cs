using Vigil.Extraction.Text;

namespace Vigil.Extraction.Statements;

/// <summary>Small helpers to cut noun phrases out of a sentence by stop words.</summary>
internal static class PhraseScan
{
    private static readonly HashSet<string> Stops = new(StringComparer.Ordinal)
    {
        "on", "in", "to", "regarding", "about", "over", "that", "which", "who", "and", "but", "while", "as", "for", "during", "after", "before",
        "this", "last", "will", "would", "has", "have", "had", "is", "was", "were", "are", "it", "its",
    };

    /// <summary>The words from token <paramref name="from"/> up to a stop word or punctuation (at most <paramref name="max"/> tokens).</summary>
    public static Spanned<string>? Forward(TextDocument doc, int from, int end, int max = 8, bool allowStopFirst = false)
    {
        var tokens = doc.Tokens;
        var k = from;
        while (k < end && k - from < max)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punctuation && t.Lower != "-")
                break;
            if (Stops.Contains(t.Lower) && !(allowStopFirst && k == from))
                break;
            k++;
        }
        if (k == from)
            return null;
        var start = tokens[from].Start;
        var stop = tokens[k - 1].End;
        return new Spanned<string>(doc.Slice(start, stop), start, stop, doc.Slice(start, stop));
    }

    /// <summary>The words before token <paramref name="before"/> back to a determiner (included), stop word or punctuation.</summary>
    public static Spanned<string>? Backward(TextDocument doc, int before, int sentenceStart, int max = 6)
    {
        var tokens = doc.Tokens;
        var k = before - 1;
        while (k >= sentenceStart && before - k <= max)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Punctuation || Stops.Contains(t.Lower))
                break;
            if (t.Lower is "a" or "an" or "the")
            {
                k--;
                break;
            }
            k--;
        }
        var first = k + 1;
        if (first >= before)
            return null;
        var start = tokens[first].Start;
        var end = tokens[before - 1].End;
        return new Spanned<string>(doc.Slice(start, end), start, end, doc.Slice(start, end));
    }
}
