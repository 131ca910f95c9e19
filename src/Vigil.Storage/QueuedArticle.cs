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

    /// <summary>The article's address as received (normalised: no fragment, no tracking parameters), when it has one.</summary>
    public string? Url { get; init; }

    /// <summary>A hash of the text as read (case and spacing folded): the same story from another outlet has the same.</summary>
    public string? ContentHash { get; init; }
}

/// <summary>One outlet's copy of an article: who carried it, at what address and with what id (a feed's GUID), when published.</summary>
public sealed record ArticleSource(string? Source, string? Url, string? Guid, string? Published)
{
    public string? ReceivedAt { get; init; }

    public string? ReceivedBy { get; init; }
}

/// <summary>
/// What receiving an article did: the stored article it is (new, or the one it repeats, and what matched — url, id or
/// text), and the candidates queued from it (none for a repeat).
/// </summary>
public sealed record ArticleReceipt(long ArticleRef, bool Duplicate, string? MatchedBy, IReadOnlyList<long> CandidateIds, int Sources);
