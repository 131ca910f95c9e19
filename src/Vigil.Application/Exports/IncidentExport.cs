using System.Text;
using Vigil.Domain.Errors;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.Ingestion.Export;
using Vigil.Storage;

namespace Vigil.Application.Exports;

/// <summary>
/// The incidents of <paramref name="Query"/> (with their sources) written to <paramref name="Target"/> in
/// <paramref name="Format"/>, one of <see cref="IncidentExport.Formats"/> (case ignored).
/// </summary>
public sealed record IncidentExportRequest(IncidentQuery Query, string Format, Stream Target);

/// <summary>How many incidents were written.</summary>
public sealed record IncidentExportResult(long Count);

/// <summary>
/// Exporting incidents, for <c>vigil export</c> and <c>GET /api/v1/exports</c>. CSV and XLSX neutralise spreadsheet
/// formulas; csv, json and jsonl re-import with <c>vigil import</c>. The caller owns the target: write it somewhere
/// temporary and move it into place, so that a failure never leaves half a file.
/// </summary>
public sealed class IncidentExport(IIncidentStore store)
{
    /// <summary>The formats, in the order the help texts list them.</summary>
    public static readonly IReadOnlyList<string> Formats = ["csv", "json", "jsonl", "xlsx", "geojson", "parquet"];

    /// <exception cref="FieldException"><c>format</c> is not one of <see cref="Formats"/>; <c>sources</c> is not the default (<see cref="CheckScope"/>).</exception>
    public async Task<IncidentExportResult> RunAsync(IncidentExportRequest request, CancellationToken cancellationToken = default)
    {
        CheckScope(request.Query);
        var format = request.Format.ToLowerInvariant();
        if (!Formats.Contains(format, StringComparer.Ordinal))
            throw new FieldException("format", $"'{request.Format}' is not one of: {string.Join(", ", Formats)}");
        var incidents = store.Query(request.Query, includeSources: true);
        var count = format switch
        {
            "csv" => WriteCsv(request.Target, incidents),
            "json" or "jsonl" => VigilJsonWriter.Write(request.Target, incidents, lines: format == "jsonl"),
            "xlsx" => VigilXlsxWriter.Write(request.Target, incidents),
            "geojson" => VigilGeoJsonWriter.Write(request.Target, incidents),
            _ => await VigilParquetWriter.WriteAsync(request.Target, incidents, cancellationToken).ConfigureAwait(false),
        };
        return new IncidentExportResult(count);
    }

    /// <summary>
    /// Refuses a sources scope other than the default: an export is each incident's own record (its figure from
    /// independent sources, every source's own figures in its sources field), and csv and json re-import as such, so
    /// its killed and injured cannot be another scope's figures, nor be filtered by them.
    /// </summary>
    /// <exception cref="FieldException"><c>sources</c> is <c>all</c> or <c>party</c>.</exception>
    public static void CheckScope(IncidentQuery query)
    {
        if (query.Sources != SourceScope.Independent)
        {
            throw new FieldException("sources", $"an export holds each incident's own record — its figure from independent sources, every source's own "
                + $"figures in its sources field — so it takes no sources scope ('{EnumText<SourceScope>.Format(query.Sources)}'): leave sources out, "
                + "or list the incidents with sources=" + EnumText<SourceScope>.Format(query.Sources) + " to see that scope's figures");
        }
    }

    private static long WriteCsv(Stream target, IEnumerable<Domain.Incidents.Incident> incidents)
    {
        using var writer = new StreamWriter(target, new UTF8Encoding(false), leaveOpen: true);
        return VigilCsvWriter.Write(writer, incidents);
    }
}
