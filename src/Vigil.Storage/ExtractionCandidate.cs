namespace Vigil.Storage;

public enum CandidateStatus
{
    /// <summary>Extracted, not yet looked at; it does not enter any statistic.</summary>
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// One item extracted from a news article waiting for review: its kind (report, claim, engagement, border-event,
/// commitment), a one-line summary, the evidence text, and the full extraction as JSON (<see cref="Payload"/>,
/// with the character spans). Dates are ISO text.
/// </summary>
public sealed record ExtractionCandidate(
    long Id,
    string ArticleId,
    string? Source,
    string? Url,
    string? Published,
    string Kind,
    string Summary,
    string? Evidence,
    string Payload,
    CandidateStatus Status,
    long? IncidentId,
    string CreatedAt,
    string? DecidedAt,
    string? DecidedBy)
{
    /// <summary>
    /// What an accepted candidate became when it is not an incident: "engagement:KEY", "commitment:KEY",
    /// "status-event:SEQUENCE" or "claim:ID" (null while pending, and for reports, which use <see cref="IncidentId"/>).
    /// </summary>
    public string? AcceptedAs { get; init; }

    /// <summary>
    /// The article to keep with the candidate when it is queued (candidates of one article share one instance, stored
    /// once); not read back with the candidate — see <see cref="ICandidateQueue.ArticleOf"/>.
    /// </summary>
    public QueuedArticle? Article { get; init; }

    /// <summary>The stored article the candidate was read from; null for candidates queued before articles were kept.</summary>
    public long? ArticleRef { get; init; }
}
