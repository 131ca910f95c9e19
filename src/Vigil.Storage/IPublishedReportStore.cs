namespace Vigil.Storage;

/// <summary>
/// A published assessment: what was asked for (<see cref="Request"/>, JSON), the scope's label, the data version and the
/// moment it was built from, who published it and when, and its figures (<see cref="Figures"/>, JSON: name and value as
/// printed). Enough to regenerate it as of its moment and to say what has changed since.
/// </summary>
public sealed record PublishedReport(
    long Id, string Kind, string Month, string Request, string ScopeLabel, long DataVersion, DateTimeOffset Moment,
    DateTimeOffset PublishedAt, string PublishedBy, string Figures);

/// <summary>The assessments published, append-only.</summary>
public interface IPublishedReportStore
{
    /// <summary>Records a published report (its id is assigned); returns it.</summary>
    PublishedReport Add(PublishedReport report);

    PublishedReport? Get(long id);

    /// <summary>The latest published reports, newest first.</summary>
    IReadOnlyList<PublishedReport> List(int limit);
}
