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
    TimeSpan Elapsed);
