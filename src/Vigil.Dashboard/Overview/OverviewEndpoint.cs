using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Reports.Building;
using Vigil.Reports.Figures;
using Vigil.Reports.Model;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Overview;

/// <summary>
/// GET / — the month at a glance, from <see cref="MonthlyReportBuilder"/> exactly as /api/v1/statistics/overview
/// builds it (same scope, same default month: the latest with data). Query: month, province, dataset, country.
/// </summary>
internal static class OverviewEndpoint
{
    public static void MapOverview(this IEndpointRouteBuilder app) => app.MapGet("/", ShowAsync).ExcludeFromDescription();

    private static async Task<IResult> ShowAsync(HttpContext context, StoreAccess stores, ReferenceData reference, TimeProvider clock)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        var q = context.Request.Query;
        var filter = new OverviewFilter(QueryText.One(q, "month"), QueryText.One(q, "province"), QueryText.Many(q, "dataset"),
            reference.Scopes.Country(QueryText.One(q, "country") ?? "Pakistan"));

        using var db = stores.Open();
        var options = FilterOptions.Load(db.Incidents, reference, filter.Country);
        try
        {
            var built = new MonthlyReports(db, reference, clock).Build(new MonthlyReportRequest
            {
                Month = filter.Month,
                Province = filter.Province,
                Country = filter.Country,
                Datasets = filter.Datasets,
                WithAccountability = false,
                MayReceiveRestricted = RowAccess.MayReceiveRestricted(context),
            });
            return Pages.Render<OverviewPage>(chrome,
                new OverviewModel(filter, options, built.Month, built.LatestMonth, built.Report, ReportFigures.For(built.Report), null)
                {
                    Withheld = RowAccess.Withheld(context, built.Scope),
                });
        }
        catch (FieldException e)
        {
            return Pages.Render<OverviewPage>(chrome, OverviewModel.Failed(filter, options, new FieldError(e.Field, e.Problem)), StatusCodes.Status400BadRequest);
        }
        catch (NotFoundException)
        {
            return Pages.Render<OverviewPage>(chrome, OverviewModel.Failed(filter, options, null));
        }
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
    /// <summary>The datasets of the month's scope whose rows this viewer may not download.</summary>
    public IReadOnlyList<Vigil.Domain.Datasets.Dataset> Withheld { get; init; } = [];

    public static OverviewModel Failed(OverviewFilter filter, FilterOptions options, FieldError? error) =>
        new(filter, options, null, false, null, null, error);
}
