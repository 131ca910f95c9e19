namespace Vigil.Extraction.Text;

/// <summary>A sentence as a range of token indexes (end exclusive) and its character span.</summary>
public readonly record struct Sentence(int FirstToken, int EndToken, int Start, int End);

/// <summary>
/// A text ready for extraction: its tokens and sentences. Offsets everywhere are character offsets into
/// <see cref="Text"/> (end exclusive). A sentence is cut after <see cref="MaxSentenceTokens"/> tokens, so that
/// work done per sentence stays bounded on text with no full stops (junk, tables, a whole page on one line).
/// </summary>
public sealed class TextDocument
{
    public const int MaxSentenceTokens = 256;

    public TextDocument(string text)
    {
        Text = text;
        Tokens = Tokenizer.Tokenize(text);
        Sentences = SplitSentences();
    }

    public string Text { get; }
    public List<Token> Tokens { get; }
    public IReadOnlyList<Sentence> Sentences { get; }

    public string Slice(int start, int end) => Text[start..end];

    /// <summary>The sentence holding a token.</summary>
    public Sentence SentenceOf(int tokenIndex)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var s = Sentences[mid];
            if (tokenIndex < s.FirstToken)
                hi = mid - 1;
            else if (tokenIndex >= s.EndToken)
                lo = mid + 1;
            else
                return s;
        }
        return new Sentence(0, Tokens.Count, 0, Text.Length);
    }

    private List<Sentence> SplitSentences()
    {
        var list = new List<Sentence>();
        var first = 0;
        for (var i = 0; i < Tokens.Count; i++)
        {
            var lineBreak = i + 1 < Tokens.Count && HasLineBreak(Tokens[i].End, Tokens[i + 1].Start);
            if (Tokenizer.EndsSentence(Text, Tokens, i) || lineBreak || i == Tokens.Count - 1 || i + 1 - first >= MaxSentenceTokens)
            {
                list.Add(new Sentence(first, i + 1, Tokens[first].Start, Tokens[i].End));
                first = i + 1;
            }
        }
        return list;
    }

    private bool HasLineBreak(int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (Text[k] == '\n')
                return true;
        }
        return false;
    }
}
