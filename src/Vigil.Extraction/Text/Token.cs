namespace Vigil.Extraction.Text;

public enum TokenKind
{
    /// <summary>Letters, possibly with inner hyphens or apostrophes ("twenty-three", "year-old", "Tehrik-i-Taliban").</summary>
    Word,
    /// <summary>Digits, possibly with thousands commas or a decimal point ("16,000", "2.5").</summary>
    Number,
    /// <summary>Any other single character that is not white space.</summary>
    Punctuation,
}

/// <summary>One token of a text: its kind, its character span (end exclusive) and its lower-case form.</summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, string Lower)
{
    public int Length => End - Start;

    public bool IsWord => Kind == TokenKind.Word;

    public bool Is(string lower) => string.Equals(Lower, lower, StringComparison.Ordinal);
}
