using Vigil.Domain.Incidents;

namespace Vigil.Storage;

/// <summary>
/// One file's import, in one transaction. Records are added or updated by their
/// <see cref="Incident.SourceRecord"/> key; disposing without <see cref="Commit"/> leaves the database as
/// it was.
/// </summary>
public interface IImportSession : IDisposable
{
    /// <summary>Adds the incident, or updates the one with the same source record (a revision when anything changed).</summary>
    /// <exception cref="DuplicateRecordException">The same source record came twice in this import.</exception>
    UpsertOutcome Upsert(Incident incident);

    /// <summary>
    /// A release that replaces the records of its period: withdraws — deletes, with a revision giving
    /// <paramref name="reason"/> — the live records of <paramref name="dataset"/> that start from <paramref name="from"/>
    /// to <paramref name="to"/> and that this import did not carry. Call it after the last <see cref="Upsert"/>.
    /// </summary>
    /// <returns>The source ids withdrawn.</returns>
    IReadOnlyList<string> Withdraw(string dataset, DateOnly from, DateOnly to, string reason);

    /// <summary>
    /// A final release superseding a provisional one: withdraws the live records of <paramref name="provisional"/> whose
    /// source id a live record of <paramref name="final"/> carries (UCDP keeps an event's id from Candidate to GED).
    /// </summary>
    /// <returns>The source ids withdrawn.</returns>
    IReadOnlyList<string> Supersede(string provisional, string final, string reason);

    /// <summary>Makes the whole import visible at once and records it, with the file's checksum.</summary>
    ImportSummary Commit(long rowsRejected, string fileSha256);
}

public enum UpsertOutcome
{
    Created,
    Updated,
    Unchanged,
    /// <summary>The incident was deleted in Vigil; a re-import does not bring it back.</summary>
    SkippedDeleted,
}

/// <summary>What is being imported, by whom.</summary>
public sealed record ImportRequest(string Dataset, string FileName, string Format, string Author);

/// <summary>The counts of one committed import.</summary>
public sealed record ImportSummary(long ImportId, long Created, long Updated, long Unchanged, long SkippedDeleted, long Rejected)
{
    public long Accepted => Created + Updated + Unchanged + SkippedDeleted;
}

/// <summary>A past import, as recorded in the database.</summary>
public sealed record ImportRecord(
    long Id, string Dataset, string FileName, string FileSha256, string Format, string Author,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, ImportSummary Summary);

public sealed class DuplicateRecordException(string recordId)
    : Domain.Errors.VigilException($"record id '{recordId}' appears more than once in this file")
{
    public string RecordId { get; } = recordId;
}
