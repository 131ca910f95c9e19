namespace Vigil.Extraction.Text;

/// <summary>An extracted value with the evidence it was read from: the character span (end exclusive) and the text there.</summary>
public sealed record Spanned<T>(T Value, int Start, int End, string Evidence);
