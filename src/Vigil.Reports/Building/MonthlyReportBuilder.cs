using System.Globalization;
using Vigil.Domain.Claims;
using Vigil.Domain.Datasets;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Reports.Model;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Reports.Building;

/// <summary>
/// Computes a <see cref="MonthlyReport"/> from the store: every number from the statistics, every sentence
/// generated from them. Counts are by start date; killed and injured are sums of best estimates.
/// </summary>
/// <param name="Query">The filter the whole report is limited to (a country, a province; its datasets).</param>
/// <param name="Name">How the report names its place: "Pakistan", "Balochistan".</param>
/// <param name="DatasetsLabel">How it names its datasets: "UCDP GED", "UCDP GED + PBC suicide attacks, linked".</param>
/// <param name="Datasets">The datasets in scope (their citations are the report's).</param>
/// <param name="Coverage">What they cover: months outside it are "no data", partial months are never compared.</param>
public sealed record ReportScope(IncidentQuery Query, string Name, string DatasetsLabel, IReadOnlyList<Dataset> Datasets, Coverage Coverage);

public sealed class MonthlyReportBuilder(IIncidentStore store, Gazetteer gazetteer, TimeProvider clock)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly ClaimMetric[] Metrics = [ClaimMetric.Attacks, ClaimMetric.Killed, ClaimMetric.Injured];

    public const int TrendMonths = 24;
    public const int NotableCount = 10;

    /// <param name="month">The month reported on.</param>
    /// <param name="report">The report's scope: place, datasets and what they cover.</param>
    public MonthlyReport Build(Period month, ReportScope report)
    {
        if (month.Unit != PeriodUnit.Month)
            throw new ArgumentException("a monthly report needs a month", nameof(month));
        var scope = report.Query with { Limit = null, Offset = 0 };

        // The whole history up to the month: records look back to the start of the covered run.
        var series = SeriesBuilder.Build(store, new SeriesRequest(scope with { From = null, To = month.End }, PeriodUnit.Month, Coverage: report.Coverage));
        var periods = series.Periods().ToList();
        var index = periods.IndexOf(month);

        var headlines = Metrics.Select(m => Headline(m, series, month)).ToArray();

        var statements = new List<string>();
        if (index >= 0)
        {
            foreach (var metric in Metrics)
            {
                var values = series.Comparable(metric);
                if (Records.Find(metric, values, index) is { } record && (record.AllTime || record.Gap >= 12))
                    statements.Add(Capitalise($"{month.Name} was {record.Describe()}."));
                if (Spikes.Test(metric, values, index) is { IsSpike: true } spike)
                    statements.Add(Capitalise($"{month.Name} was {spike.Describe()}."));
            }
        }
        var state = series.State(month);
        if (state != CoverageState.Full)
            statements.Insert(0, state == CoverageState.None
                ? $"No dataset in scope ({report.DatasetsLabel}) covers {month.Name}: there are no data for it, which is not the same as nothing happening."
                : $"{report.DatasetsLabel} cover only part of {month.Name}: its figures are partial and are not compared with other months.");

        var inMonth = Scopes.InPeriod(scope, month);
        var trendStart = month.Shift(-(TrendMonths - 1));
        var trend = Enumerable.Range(0, TrendMonths).Select(i => trendStart.Shift(i))
            .Select(p => TrendPoint(series, p))
            .ToList();

        var inMonthDatasets = store.Aggregate(inMonth, GroupBy.Dataset).Select(r => r.Key ?? DatasetNames.Own).ToHashSet();
        var (coveredFrom, coveredTo) = report.Coverage.Bounds();

        return new MonthlyReport(
            $"Security assessment — {month.Name}",
            report.Name,
            month.Label,
            clock.GetUtcNow(),
            headlines,
            statements,
            trend,
            Breakdown(inMonth, GroupBy.Province, report.Coverage),
            Breakdown(inMonth, GroupBy.Group, report.Coverage),
            Breakdown(inMonth, GroupBy.EventType, report.Coverage),
            Districts(inMonth),
            Notable(inMonth, report.Coverage),
            Method(report, inMonthDatasets, coveredFrom, coveredTo))
        {
            DatasetsLabel = report.DatasetsLabel,
            ByCategory = Breakdown(inMonth, GroupBy.Category, report.Coverage),
            Sourcing = SourcingFigure.Of(Statistics.Sourcing.GradeShare.For(store, inMonth)),
            Sources = scope.Sources,
            MinGrade = scope.MinGrade,
        };
    }

    /// <summary>
    /// A headline figure, or why there is none: "no data" (nothing covers the month), "not recorded" (no dataset in
    /// scope records the metric), "unknown" (every incident's figure is unknown). Changes are only against fully
    /// covered months.
    /// </summary>
    private static HeadlineFigure Headline(ClaimMetric metric, Series series, Period month)
    {
        var label = metric switch { ClaimMetric.Attacks => "Incidents", ClaimMetric.Killed => "Killed", _ => "Injured" };
        var (value, missing) = series.Shown(month, metric);
        var change = missing ?? $"{Compare(series, metric, month, month.Previous())}; {Compare(series, metric, month, month.YearBefore())}";
        return new HeadlineFigure(label, value, series.Shown(month.Previous(), metric).Value, series.Shown(month.YearBefore(), metric).Value,
            change, missing is null or "unknown" ? series.At(month).Unknown(metric) : 0)
        { Missing = missing ?? "" };
    }

    private static string Compare(Series series, ClaimMetric metric, Period month, Period baseline)
    {
        var (state, baseState) = (series.State(month), series.State(baseline));
        if (state != CoverageState.Full)
            return $"no comparison with {baseline.Name} ({month.Name} is partly covered)";
        if (baseState != CoverageState.Full)
            return $"no comparison with {baseline.Name} ({(baseState == CoverageState.None ? "no data" : "partly covered")})";
        return new Change(series.At(month).Value(metric), series.At(baseline).Value(metric)).Describe(baseline.Name);
    }

    private static Model.SeriesPoint TrendPoint(Series series, Period p) =>
        new(p.Label, series.Shown(p, ClaimMetric.Attacks).Value, series.Shown(p, ClaimMetric.Killed).Value, series.Shown(p, ClaimMetric.Injured).Value)
        {
            Coverage = EnumText<CoverageState>.Format(series.State(p)),
        };

    private List<BreakdownRow> Breakdown(IncidentQuery query, GroupBy groupBy, Coverage coverage) =>
        store.Aggregate(query, groupBy)
            .Select(r => new BreakdownRow(r.Key ?? "(not known)", r.Incidents,
                coverage.Missing(ClaimMetric.Killed, r.Incidents, r.KilledUnknown) is null ? r.KilledBest : null,
                coverage.Missing(ClaimMetric.Injured, r.Incidents, r.InjuredUnknown) is null ? r.InjuredBest : null)
            {
                KilledUnknown = coverage.Records("killed") ? r.KilledUnknown : 0,
                InjuredUnknown = coverage.Records("injured") ? r.InjuredUnknown : 0,
            })
            .OrderByDescending(r => r.Killed).ThenByDescending(r => r.Incidents).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

    private List<DistrictValue> Districts(IncidentQuery query)
    {
        var byCountry = store.Aggregate(query, GroupBy.Country).Select(r => r.Key).OfType<string>().ToList();
        var iso = byCountry.Count == 1 ? Countries.Iso3Of(byCountry[0]) : null;
        return store.Aggregate(query, GroupBy.District)
            .Where(r => r.Key is not null)
            .Select(r =>
            {
                var district = gazetteer.FindDistrict(r.Key, iso);
                return new DistrictValue(district?.Country ?? iso ?? "", r.Key!, district?.BoundaryId, r.KilledBest, r.Incidents);
            })
            .OrderByDescending(d => d.Killed)
            .ToList();
    }

    private List<NotableIncident> Notable(IncidentQuery query, Coverage coverage) =>
        // Each with the figures of the scope's sources, as the headline figures count them.
        store.Query(query with { Sort = IncidentSort.Killed, Descending = true, Limit = NotableCount }, includeSources: true)
            .Select(i => ScopedFigures.Of(i, query.Sources))
            .Select(i => new NotableIncident(
                i.Id,
                i.Date.IsMultiDay ? $"{i.Date.Start:yyyy-MM-dd}–{i.Date.End:yyyy-MM-dd}" : i.Date.Start.ToString("yyyy-MM-dd", Inv),
                string.Join(", ", new[] { i.Place.Location, i.Place.Admin2, i.Place.Admin1 }.Where(s => !string.IsNullOrEmpty(s)).Distinct()),
                EnumText<EventType>.Format(i.EventType).Replace('-', ' '),
                IncidentParties.Describe(i),
                coverage.Records("killed") ? Casualties(i.Killed) : "not recorded",
                coverage.Records("injured") ? Casualties(i.Injured) : "not recorded",
                i.Sources.Select(s => new SourceLine(
                    string.Join(", ", new[] { s.Name, s.Published?.ToString("yyyy-MM-dd", Inv), s.Headline }.Where(x => !string.IsNullOrEmpty(x))) is { Length: > 0 } text ? text : s.Url ?? "",
                    s.Url)).ToList()))
            .ToList();

    private static string Casualties(CasualtyCount c)
    {
        if (c.Best is null)
            return c.IsUnknown ? "not known" : $"{c.Low?.ToString(Inv) ?? "?"}–{c.High?.ToString(Inv) ?? "?"}";
        return c.Low == c.Best && c.High == c.Best ? c.Best.Value.ToString(Inv) : $"{c.Best} ({c.Low?.ToString(Inv) ?? "?"}–{c.High?.ToString(Inv) ?? "?"})";
    }

    private static MethodNote Method(ReportScope report, IReadOnlySet<string> inMonth, DateOnly? coveredFrom, DateOnly? coveredTo) => new(
        report.Datasets.Count == 0
            ? ["no datasets in scope"]
            : [.. report.Datasets.Select(d => $"{d.Title} ({d.Name}){(d.Primary ? ", the primary dataset" : "")}: {(d.Coverage.Kinds.Length > 0 ? d.Coverage.Kinds : d.Description)}{(inMonth.Contains(d.Name) ? "" : "; no incidents this month")}")],
        [
            .. report.Datasets.Count > 1
                ? new[] { $"The figures combine {report.Datasets.Count} datasets; an event that two of them record, linked as one, is counted once, with the figures of the dataset named first." }
                : [],
            "Incidents are counted once, in the month of their start date, however many days they span.",
            "Killed and injured are sums of each incident's best estimate; low and high estimates are kept in the data and shown for notable incidents. Incidents whose toll is unknown add nothing and are counted as unknown, never as zero.",
            $"Killed and injured count {ReportText.SourcesWords(report.Query.Sources)}: each incident's sources keep their own figures, and one rule makes the incident's figure of them (docs/method.md, \"Sources and grades\"). Incidents are graded by the number, independence and reliability of their sources; the share graded fair or better is given beside the headline figures.",
            "Changes are against the month before and the same month a year before; no percentage is given against a zero baseline.",
            "A record is the highest value since the most recent earlier month that was at least as high (reported when that is a year or more back, or since records began). A spike is a month significantly above the mean of the 12 months before it (one-sided exact Poisson test, or negative binomial when the counts are overdispersed; p < 0.01).",
            "Provinces and districts are today's: incidents in the former FATA agencies are counted in Khyber Pakhtunkhwa (ask for the region former-fata to see them apart).",
            ReportText.GroupsNote,
            ReportText.CategoryNote,
            $"Months outside what the datasets cover are \"no data\", never zero; partly covered months are shown but take no part in changes, records or spike baselines. Records need at least {Records.MinimumPeriods} earlier fully covered months and a value of at least {Records.MinimumValue}.",
            coveredFrom is not null && coveredTo is not null ? $"The datasets in scope cover {report.Coverage.Describe()}." : "The datasets in scope declare no coverage: every month is partial or no data.",
        ],
        [
            .. report.Datasets.Where(d => d.Citation.Length > 0).Select(d => $"{d.Title} ({d.Licence}): {d.Citation}"),
            "District boundaries: geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): e0231866), www.geoboundaries.org.",
            "Place names: GeoNames (CC BY 4.0), www.geonames.org.",
        ]);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
