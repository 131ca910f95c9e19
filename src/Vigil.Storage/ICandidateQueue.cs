using Vigil.Domain.Incidents;

namespace Vigil.Storage;

/// <summary>
/// Items extracted from the news, waiting for an analyst: reports, claims, engagements, commitments, border
/// events. Nothing in the queue counts in any figure until it is accepted; every decision is kept with who and
/// when, and merges of reports into incidents are recorded so they can be undone.
/// </summary>
public interface ICandidateQueue
{
    /// <summary>Adds pending candidates in one transaction; returns their ids.</summary>
    IReadOnlyList<long> Add(IEnumerable<ExtractionCandidate> candidates);

    /// <summary>Candidates in id order, optionally of one status.</summary>
    IReadOnlyList<ExtractionCandidate> List(CandidateStatus? status, int limit, long afterId = 0);

    /// <summary>One candidate by id, or null.</summary>
    ExtractionCandidate? Get(long id);

    /// <summary>The article a candidate was read from, or null (no such candidate, or queued before articles were kept).</summary>
    QueuedArticle? ArticleOf(long candidateId);

    /// <summary>
    /// Receives an article in one transaction: when an article already kept has the same address, the same id (a
    /// feed's GUID) or the same text (<see cref="QueuedArticle.ContentHash"/>), this copy is recorded as another source
    /// of it and nothing is queued; otherwise the article is kept, with its source, and its candidates are queued.
    /// </summary>
    /// <remarks>
    /// The same outlet's same copy (source, address and id all equal) received again — a feed item processed a second time
    /// after a crash, a scraper that sends twice — is not another source: it is recorded once.
    /// </remarks>
    ArticleReceipt Receive(QueuedArticle article, ArticleSource source, IReadOnlyList<ExtractionCandidate> candidates, string by);

    /// <summary>
    /// The kept article an incoming one repeats — the same address, id (a feed's GUID) or text hash, checked in that
    /// order — and what matched; null when it is new. Lets a caller skip reading a repeat before <see cref="Receive"/>.
    /// </summary>
    (long ArticleRef, string MatchedBy)? FindRepeat(string? url, string? guid, string? contentHash);

    /// <summary>The outlets that carried a kept article, in the order received.</summary>
    IReadOnlyList<ArticleSource> SourcesOf(long articleRef);

    /// <summary>Every candidate read from one stored article, in id order, whatever its status.</summary>
    IReadOnlyList<ExtractionCandidate> OfArticle(long articleRef);

    /// <summary>Rejects a pending candidate (kept, marked, with who and when).</summary>
    void Reject(long id, string by);

    /// <summary>Creates an incident from a pending report candidate (built by <paramref name="build"/>) and marks the candidate accepted with it.</summary>
    Incident Accept(long id, string by, Func<ExtractionCandidate, Incident> build);

    /// <summary>
    /// Accepts a pending report candidate into an existing incident: <paramref name="apply"/> gets the candidate and
    /// the incident and returns the updated incident. Recorded as a merge, so it can be undone.
    /// </summary>
    Incident AcceptInto(long id, long incidentId, string by, Func<ExtractionCandidate, Incident, Incident> apply);

    /// <summary>Accepts several pending report candidates as ONE incident and records the merge; returns the incident and the merge id.</summary>
    (Incident Incident, long MergeId) AcceptCluster(IReadOnlyList<long> ids, string by, string reason, Func<IReadOnlyList<ExtractionCandidate>, Incident> build);

    /// <summary>
    /// Accepts a pending candidate other than a report: <paramref name="write"/> stores what it becomes inside the
    /// transaction and returns that as text ("engagement:KEY", "commitment:KEY", "status-event:SEQUENCE",
    /// "claim:ID"), recorded in <c>accepted_as</c>. Returns the candidate as accepted.
    /// </summary>
    ExtractionCandidate AcceptAs(long id, string by, Func<IStoreTransaction, ExtractionCandidate, string> write);

    /// <summary>What the accepted candidates of one article of a kind became (accepted_as values, in id order).</summary>
    IReadOnlyList<string> AcceptedFromArticle(string articleId, string kind);

    /// <summary>
    /// Accepts pending report candidates into an existing incident in one transaction (<paramref name="apply"/> returns
    /// the incident updated) and records the merge. Returns the incident and the merge id.
    /// </summary>
    (Incident Incident, long MergeId) MergeInto(IReadOnlyList<long> ids, long incidentId, string by, string reason,
        Func<IReadOnlyList<ExtractionCandidate>, Incident, Incident> apply);

    /// <summary>
    /// Reverses a merge in one transaction: its candidates go back to pending; an incident the merge created is
    /// deleted (soft); an existing incident gets every field the merge changed back — refused when it was changed since.
    /// </summary>
    void UndoMerge(long mergeId, string by);

    /// <summary>Recorded merges, newest first (undone ones too, marked).</summary>
    IReadOnlyList<MergeRow> Merges(int limit);

    /// <summary>Every pending candidate of one kind as (id, payload).</summary>
    List<(long Id, string Payload)> PendingPayloads(string kind);

    /// <summary>The candidates accepted into an incident: the reports behind it, each with its own figures.</summary>
    IReadOnlyList<ExtractionCandidate> ReportsBehind(long incidentId);
}

/// <summary>One recorded merge, as <c>vigil merge list</c> and the API show it.</summary>
public sealed record MergeRow(long Id, long Into, IReadOnlyList<long> Candidates, string Reason, string MergedAt, string MergedBy,
    bool IntoExisting, string? UndoneAt, string? UndoneBy);
