using Vigil.Storage;

namespace Vigil.Ingestion;

/// <summary>What an import did.</summary>
public sealed record ImportResult(
    string File,
    string Format,
    long RowsRead,
    ImportSummary Summary,
    string? RejectsFile,
    IReadOnlyList<string> Notices,
    TimeSpan Elapsed)
{
    /// <summary>Stored records this release withdrew: events a UCDP Candidate release no longer holds, or superseded by GED.</summary>
    public long Withdrawn { get; init; }
}
