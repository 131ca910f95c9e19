using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Reports;
using Vigil.Reports.Building;
using Vigil.Server.Infrastructure;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>/api/v1/reports/monthly: the monthly security assessment as HTML or PDF.</summary>
public static class ReportsApi
{
    public static void MapReports(this RouteGroupBuilder api) =>
        api.MapGet("/reports/monthly", Monthly).WithTags("reports").RequireAuthorization(Policies.Read)
            .WithSummary("The monthly security assessment (format html or pdf; province to limit it).")
            .AddOpenApiOperationTransformer(ApiDocument.Files("The report: an HTML page, or a PDF file.", "text/html", "application/pdf")).Fails(400);

    private static IResult Monthly(HttpContext context, StoreAccess stores, ReferenceData reference, TimeProvider clock, string month, string? format, string? province, string[]? country, string[]? dataset,
        string? sources, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_grade")] string? minGrade)
    {
        var name = format ?? "html";
        if (name is not ("html" or "pdf") || ReportRenderers.For(name) is not { } renderer)
            return Problems.Field("format", $"'{name}' is not one of: html, pdf");
        using var db = stores.Open();
        MonthlyReportResult built;
        try
        {
            built = new MonthlyReports(db, reference, clock).Build(new MonthlyReportRequest
            {
                Month = month,
                Province = province,
                Country = country is { Length: > 0 } ? country[0] : "Pakistan",
                // Several countries are counted together, as one scope; the sources and grade as every scope takes them.
                Filters = new ScopeInput { Countries = country is { Length: > 1 } ? country : [], Sources = sources, MinGrade = minGrade },
                Datasets = dataset ?? [],
                MayReceiveRestricted = RowAccess.MayReceiveRestricted(context),
            });
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        var (report, period) = (built.Report, built.Month);
        var dir = Directory.CreateTempSubdirectory("vigil-report-");
        try
        {
            var path = Path.Combine(dir.FullName, $"vigil-report-{period.Label}{renderer.Extension}");
            renderer.Render(report, path);
            var bytes = File.ReadAllBytes(path);
            return Results.File(bytes, name == "pdf" ? "application/pdf" : "text/html; charset=utf-8",
                name == "pdf" ? Path.GetFileName(path) : null);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
