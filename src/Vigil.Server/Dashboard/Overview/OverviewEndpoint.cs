using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Reports.Building;
using Vigil.Reports.Figures;
using Vigil.Reports.Model;
using Vigil.Server.Auth;
using Vigil.Server.Dashboard.Shell;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Server.Dashboard.Overview;

/// <summary>
/// GET / — the month at a glance, from <see cref="MonthlyReportBuilder"/> exactly as /api/v1/statistics/overview
/// builds it (same scope, same default month: the latest with data). Query: month, province, dataset, country.
/// </summary>
internal static class OverviewEndpoint
{
    public static void MapOverview(this IEndpointRouteBuilder app) => app.MapGet("/", ShowAsync).ExcludeFromDescription();

    private static async Task<IResult> ShowAsync(HttpContext context, StoreAccess stores, TimeProvider clock)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        var q = context.Request.Query;
        var scopes = Scopes.Bundled;
        var filter = new OverviewFilter(QueryText.One(q, "month"), QueryText.One(q, "province"), QueryText.Many(q, "dataset"),
            scopes.Country(QueryText.One(q, "country") ?? "Pakistan"));

        using var store = stores.Open();
        var options = FilterOptions.Load(store, filter.Country);
        Period month;
        var latest = false;
        if (filter.Month is not null)
        {
            if (!Period.TryParse(filter.Month, out month) || month.Unit != PeriodUnit.Month)
            {
                return Pages.Render<OverviewPage>(chrome, OverviewModel.Failed(filter, options,
                    new FieldError("month", $"'{filter.Month}' is not a month (YYYY-MM) {Vigil.Domain.Time.DateBounds.Text}")), StatusCodes.Status400BadRequest);
            }
        }
        else if (DataMonths.Of(store).Last is { } last)
        {
            month = last;
            latest = true;
        }
        else
        {
            return Pages.Render<OverviewPage>(chrome, OverviewModel.Failed(filter, options, null));
        }

        var scope = IncidentQuery.All with { Countries = [filter.Country], Datasets = filter.Datasets };
        var scopeName = filter.Country;
        if (filter.Province is not null)
        {
            scopeName = scopes.Province(filter.Province);
            scope = scope with { Provinces = [scopeName] };
        }
        var report = new MonthlyReportBuilder(store, Gazetteer.Bundled, clock).Build(month, scope, scopeName);
        return Pages.Render<OverviewPage>(chrome, new OverviewModel(filter, options, month, latest, report, ReportFigures.For(report), null));
    }
}

/// <summary>The overview's query: a month (YYYY-MM; null for the latest with data), a province, datasets, the country.</summary>
public sealed record OverviewFilter(string? Month, string? Province, string[] Datasets, string Country)
{
    public IEnumerable<KeyValuePair<string, string?>> Pairs(string? month)
    {
        yield return new("month", month);
        yield return new("province", Province);
        foreach (var d in Datasets)
            yield return new("dataset", d);
        if (Country != "Pakistan")
            yield return new("country", Country);
    }
}

public sealed record OverviewModel(
    OverviewFilter Filter, FilterOptions Options, Period? Month, bool LatestMonth, MonthlyReport? Report, ReportFigures? Figures, FieldError? Error)
{
    public static OverviewModel Failed(OverviewFilter filter, FilterOptions options, FieldError? error) =>
        new(filter, options, null, false, null, null, error);
}
