using Vigil.Application.Exports;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Domain.Errors;
using Vigil.Server.Infrastructure;
using Vigil.Web.Auth;
using Vigil.Web.Filters;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>/api/v1/exports: the incidents matching the filters as CSV, JSON, JSON Lines, XLSX, GeoJSON or Parquet.</summary>
public static class ExportsApi
{
    private static readonly Dictionary<string, (string ContentType, string Extension)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csv"] = ("text/csv; charset=utf-8", ".csv"),
        ["json"] = ("application/json", ".json"),
        ["jsonl"] = ("application/jsonl", ".jsonl"),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
        ["geojson"] = ("application/geo+json", ".geojson"),
        ["parquet"] = ("application/vnd.apache.parquet", ".parquet"),
    };

    public static void MapExports(this RouteGroupBuilder api) =>
        api.MapGet("/exports", Export).WithTags("exports").RequireAuthorization(Policies.Read)
            .WithSummary("Incidents matching the filters as csv, json, jsonl, xlsx, geojson (points) or parquet. CSV and XLSX neutralise spreadsheet formulas.")
            .AddOpenApiOperationTransformer(ApiDocument.Files("The file (a download: Content-Disposition names it vigil-incidents.EXT).", [.. Kinds.Values.Select(k => k.ContentType.Split(';')[0])])).Fails(400)
            .AddOpenApiOperationTransformer(ApiDocument.Header("Vigil-Licence", "One per dataset in scope: its licence and the citation it asks for."));

    private static async Task<IResult> Export(HttpContext context, StoreAccess stores, ScopeParser scopes, [AsParameters] FilterParameters filter, string? format)
    {
        if (ScopeParser.Validate(filter.ToInput()) is { } invalid)
            return Problems.Field(invalid.Field, invalid.Problem);
        var name = format ?? "csv";

        // Written to a temporary file first: a failure half-way gives an error, never half a download.
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(temp))
            {
                using var db = stores.Open();
                var (scope, error) = filter.ToScope(scopes, db);
                if (error is { } e)
                    return Problems.Field(e.Field, e.Problem);
                if (RowAccess.Withheld(context, scope!) is { Count: > 0 } withheld)
                    return RowAccess.Problem(withheld);
                // The licences (and the citations they ask for) travel with the file, one header line per dataset.
                context.Response.Headers["Vigil-Licence"] = new Microsoft.Extensions.Primitives.StringValues([.. RowLicences.Notices(scope!.Datasets).Select(Ascii)]);
                try
                {
                    await new IncidentExport(db.Incidents).RunAsync(new IncidentExportRequest(scope!.Query, name, file), context.RequestAborted);
                }
                catch (FieldException problem)
                {
                    return Problems.Field(problem.Field, problem.Problem);
                }
            }
            var kind = Kinds[name];
            var bytes = await File.ReadAllBytesAsync(temp, context.RequestAborted);
            return Results.File(bytes, kind.ContentType, "vigil-incidents" + kind.Extension);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A header value in ASCII (HTTP headers carry no other letters): "Therése" becomes "Therese".</summary>
    private static string Ascii(string text) =>
        new([.. text.Normalize(System.Text.NormalizationForm.FormD).Where(c => c < 128 && !char.IsControl(c))]);
}
