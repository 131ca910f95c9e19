namespace Vigil.Extraction.Input;

/// <summary>
/// A news article as extraction reads it: plain text (markup already stripped) and its publication date,
/// against which "on Monday", "yesterday" and "last week" are resolved. <see cref="Published"/> is null when
/// not known; relative dates then stay unresolved.
/// </summary>
public sealed record Article(string Id, string Text, DateOnly? Published = null, string? Source = null, string? Url = null, string? Title = null);
