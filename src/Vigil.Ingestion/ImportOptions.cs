namespace Vigil.Ingestion;

/// <summary>How to import a file.</summary>
public sealed record ImportOptions
{
    /// <summary>The format's name; null to detect it from the file.</summary>
    public string? Format { get; init; }

    /// <summary>Import the good rows and write the bad ones to <see cref="RejectsPath"/>, instead of importing nothing.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Where rejected rows go; default <c>NAME.rejected.csv</c> (or .jsonl) in the current folder.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>Who is importing; recorded on the import and on every revision it makes.</summary>
    public string Author { get; init; } = "cli";

    /// <summary>
    /// What the file is called in errors, results and the import's record (a URL it was downloaded from); null:
    /// the path in errors and the file's name in the record.
    /// </summary>
    public string? SourceName { get; init; }

    /// <summary>The latest day an incident may be dated (today, from the caller's clock, plus a few days); null: no check.</summary>
    public DateOnly? LatestDate { get; init; }
}

/// <summary>Progress of an import: bytes of the file read so far, and rows.</summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, long Rows);
