using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Reports;
using Vigil.Reports.Building;
using Vigil.Server.Auth;
using Vigil.Server.Infrastructure;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>/api/v1/reports/monthly: the monthly security assessment as HTML or PDF.</summary>
public static class ReportsApi
{
    public static void MapReports(this RouteGroupBuilder api) =>
        api.MapGet("/reports/monthly", Monthly).WithTags("reports").RequireAuthorization(Policies.Read)
            .WithSummary("The monthly security assessment (format html or pdf; province to limit it).");

    private static IResult Monthly(StoreAccess stores, TimeProvider clock, string month, string? format, string? province, string[]? dataset)
    {
        if (!Period.TryParse(month, out var period) || period.Unit != PeriodUnit.Month)
            return Problems.Field("month", $"'{month}' is not a month (YYYY-MM) {Vigil.Domain.Time.DateBounds.Text}");
        var name = format ?? "html";
        if (name is not ("html" or "pdf") || ReportRenderers.For(name) is not { } renderer)
            return Problems.Field("format", $"'{name}' is not one of: html, pdf");
        var scopes = Scopes.Bundled;
        var scope = IncidentQuery.All with { Countries = ["Pakistan"], Datasets = dataset ?? [] };
        var scopeName = "Pakistan";
        if (province is not null)
        {
            scopeName = scopes.Province(province);
            scope = scope with { Provinces = [scopeName] };
        }
        using var store = stores.Open();
        var report = AccountabilitySectionBuilder.AddTo(new MonthlyReportBuilder(store, Gazetteer.Bundled, clock).Build(period, scope, scopeName), store, clock, period);
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
