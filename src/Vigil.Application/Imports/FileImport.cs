using Microsoft.Extensions.Logging;
using Vigil.Application.Incidents;
using Vigil.Application.Logging;
using Vigil.Application.Reference;
using Vigil.Domain.Errors;
using Vigil.Ingestion;
using Vigil.Ingestion.Formats;
using Vigil.Storage;

namespace Vigil.Application.Imports;

/// <summary>
/// One file to import. <see cref="Format"/> null: detected from the file. With <see cref="SkipInvalid"/> the bad rows
/// go to <see cref="RejectsPath"/> (default: NAME.rejected.csv in the current folder) instead of refusing the file.
/// </summary>
public sealed record FileImportRequest(string File, string Author, DateLimit Limit)
{
    public string? Format { get; init; }
    public bool SkipInvalid { get; init; }
    public string? RejectsPath { get; init; }
    public IProgress<ImportProgress>? Progress { get; init; }

    /// <summary>What to call the file in errors and the import's record (the URL it was downloaded from); null: its path.</summary>
    public string? SourceName { get; init; }
}

/// <summary>
/// Importing a dataset file, for <c>vigil import</c> and <c>POST /api/v1/imports</c>: the format checked, the host's
/// normaliser, the date limit on every row, one transaction for the file, event 1001 logged when it is written.
/// </summary>
public sealed class FileImport(IVigilDatabase db, ReferenceData reference, ILogger log)
{
    /// <summary>The logger category imports are logged under.</summary>
    public const string LogCategory = "Vigil.Imports";

    /// <summary>The one check of a format name (null: detect it from the file), for adapters that check before opening anything.</summary>
    public static FieldException? CheckFormat(string? format) =>
        format is not null && !ImportFormats.Names.Contains(format, StringComparer.OrdinalIgnoreCase)
            ? new FieldException("format", $"'{format}' is not one of: {string.Join(", ", ImportFormats.Names)}")
            : null;

    /// <exception cref="FieldException"><c>format</c> is not a known format.</exception>
    /// <exception cref="InputException">A row is bad (and <see cref="FileImportRequest.SkipInvalid"/> is off): nothing was written.</exception>
    public ImportResult Run(FileImportRequest request, CancellationToken cancellationToken = default)
    {
        if (CheckFormat(request.Format) is { } error)
            throw error;
        var options = new ImportOptions
        {
            Format = request.Format,
            SkipInvalid = request.SkipInvalid,
            RejectsPath = request.RejectsPath,
            Author = request.Author,
            LatestDate = request.Limit.Latest,
            SourceName = request.SourceName,
        };
        var result = new Importer(db.Incidents, reference.Normalizer()).Import(request.File, options, request.Progress, cancellationToken);
        log.Imported(result, request.Author);
        return result;
    }
}
