namespace Vigil.Extraction;

/// <summary>
/// The bounds that keep extraction's time per article small whatever the input: the text extracted from is
/// cut at <see cref="MaxTextChars"/>, raw input (HTML) at <see cref="MaxInputChars"/>. No regular expression
/// runs on article text; the tokenizer and matchers are linear.
/// </summary>
public static class ExtractionBudget
{
    /// <summary>About 60 pages of text; news articles are far shorter.</summary>
    public const int MaxTextChars = 200_000;

    public const int MaxInputChars = 2_000_000;
}
