using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
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
/// builds it (same scope, same default month: the latest with data). Query: month, province, dataset, country
/// (repeatable, or <c>all</c> for every country of the data: counted together).
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
        using var db = stores.Open();
        var inData = FilterOptions.InData(db.Incidents).Select(iso => Countries.NameByIso3[iso]).ToList();
        var filter = new OverviewFilter(QueryText.One(q, "month"), QueryText.One(q, "province"), QueryText.Many(q, "dataset"),
            OverviewFilter.CountriesOf(QueryText.Many(q, "country"), inData, reference.Scopes.Country))
        {
            Sources = QueryText.One(q, "sources"),
            MinGrade = QueryText.One(q, "min_grade"),
            AsOf = QueryText.One(q, PageChrome.AsOfParameter),
        };
        var options = FilterOptions.Load(db.Incidents, reference, filter.Countries.Count == 1 ? filter.Countries[0] : null) with { CountryChoices = inData };
        try
        {
            var built = new MonthlyReports(db, reference, clock).Build(new MonthlyReportRequest
            {
                Month = filter.Month,
                Province = filter.Province,
                Country = filter.Countries[0],
                Filters = new ScopeInput { Countries = filter.Countries, Sources = filter.Sources, MinGrade = filter.MinGrade },
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

/// <summary>
/// The overview's query: a month (YYYY-MM; null for the latest with data), a province, datasets, the countries (one, or
/// several counted together; Pakistan when none is given).
/// </summary>
public sealed record OverviewFilter(string? Month, string? Province, string[] Datasets, IReadOnlyList<string> Countries)
{
    /// <summary>The query value that stands for every country the database's incidents lie in.</summary>
    public const string AllCountries = "all";

    /// <summary>Which sources the figures count (independent, all, party), as the scope parser reads it.</summary>
    public string? Sources { get; init; }

    /// <summary>The minimum grade of the incidents counted.</summary>
    public string? MinGrade { get; init; }

    /// <summary>The moment the overview is answered as of (as_of, as given), carried on by its links.</summary>
    public string? AsOf { get; init; }

    /// <summary>The sources, grade and moment choices as the shared filter inputs show them.</summary>
    public IncidentFilter SourceChoices => new(null, null, [], [], [], [], [], null) { Sources = Sources, MinGrade = MinGrade, AsOf = AsOf };

    /// <summary>The countries as the scope names them ("Afghanistan, Pakistan"), which is also the report's scope name without a province.</summary>
    public string Country => string.Join(", ", Countries);

    /// <summary>The countries asked for, by canonical name: <c>all</c> is those of the data; none is Pakistan.</summary>
    public static IReadOnlyList<string> CountriesOf(IEnumerable<string> given, IReadOnlyList<string> inData, Func<string, string> canonical)
    {
        var names = given.SelectMany(c => string.Equals(c, AllCountries, StringComparison.OrdinalIgnoreCase) ? inData : [canonical(c)])
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return names.Count > 0 ? names : ["Pakistan"];
    }

    /// <summary>The countries as query pairs (none for Pakistan alone, the default).</summary>
    public IEnumerable<KeyValuePair<string, string?>> CountryPairs() =>
        Countries is ["Pakistan"] ? [] : Countries.Select(c => new KeyValuePair<string, string?>("country", c));

    public IEnumerable<KeyValuePair<string, string?>> Pairs(string? month)
    {
        yield return new("month", month);
        yield return new("province", Province);
        foreach (var d in Datasets)
            yield return new("dataset", d);
        foreach (var c in CountryPairs())
            yield return c;
        foreach (var p in SourcePairs())
            yield return p;
    }

    /// <summary>
    /// The sources and the minimum grade as query pairs: every link to the figures' incidents, series, report or
    /// downloads carries them, so what it opens counts what the overview counts.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> SourcePairs()
    {
        yield return new("sources", Sources);
        yield return new("min_grade", MinGrade);
        yield return new(PageChrome.AsOfParameter, AsOf);
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
