namespace Vigil.Storage;

/// <summary>
/// The article a batch of review candidates was read from, kept beside them so a reviewer sees every value in its
/// place: its id as the file gave it, its title, the text exactly as extraction read it (the candidates' character
/// spans point into it) and the kind the document classifier gave it.
/// </summary>
public sealed record QueuedArticle(string ArticleId, string? Title, string Text, string? Kind)
{
    /// <summary>The stored row's id (0 before it is stored).</summary>
    public long Id { get; init; }
}
