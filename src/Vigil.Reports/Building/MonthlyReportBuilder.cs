using System.Globalization;
using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
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
public sealed class MonthlyReportBuilder(IIncidentStore store, Gazetteer gazetteer, TimeProvider clock)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly ClaimMetric[] Metrics = [ClaimMetric.Attacks, ClaimMetric.Killed, ClaimMetric.Injured];

    public const int TrendMonths = 24;
    public const int NotableCount = 10;

    /// <param name="month">The month reported on.</param>
    /// <param name="scope">The filter the whole report is limited to (a country, a province...).</param>
    /// <param name="scopeName">How the report names its scope: "Pakistan", "Balochistan".</param>
    public MonthlyReport Build(Period month, IncidentQuery scope, string scopeName)
    {
        if (month.Unit != PeriodUnit.Month)
            throw new ArgumentException("a monthly report needs a month", nameof(month));
        scope = scope with { Limit = null, Offset = 0 };

        // The whole history up to the month: records look back to the start of the data.
        var series = SeriesBuilder.Build(store, new SeriesRequest(scope with { From = null, To = month.End }, PeriodUnit.Month));
        var periods = series.Periods().ToList();
        var index = periods.IndexOf(month);
        var current = series.At(month);
        var previous = series.At(month.Previous());
        var lastYear = series.At(month.YearBefore());

        var headlines = new[]
        {
            Headline("Incidents", ClaimMetric.Attacks, current, previous, lastYear, month),
            Headline("Killed", ClaimMetric.Killed, current, previous, lastYear, month),
            Headline("Injured", ClaimMetric.Injured, current, previous, lastYear, month),
        };

        var statements = new List<string>();
        if (index >= 0)
        {
            foreach (var metric in Metrics)
            {
                var values = periods.Select(p => (p, series.At(p).Value(metric))).ToList();
                if (Records.Find(metric, values, index) is { } record && (record.AllTime || record.Gap >= 12))
                    statements.Add(Capitalise($"{month.Name} was {record.Describe()}."));
                if (Spikes.Test(metric, values, index) is { IsSpike: true } spike)
                    statements.Add(Capitalise($"{month.Name} was {spike.Describe()}."));
            }
        }

        var inMonth = Scopes.InPeriod(scope, month);
        var trendStart = month.Shift(-(TrendMonths - 1));
        var trend = Enumerable.Range(0, TrendMonths).Select(i => trendStart.Shift(i))
            .Select(p => (p, f: series.At(p)))
            .Select(x => new Model.SeriesPoint(x.p.Label, x.f.Incidents, x.f.KilledBest, x.f.InjuredBest))
            .ToList();

        var datasets = store.Aggregate(inMonth, GroupBy.Dataset).Select(r => r.Key ?? "entered by hand").ToList();
        // The months with incidents in scope, from the series already built (a date-range query would scan every incident).
        var withData = periods.Where(p => series.At(p).Incidents > 0).ToList();
        (Period? First, Period? Last) coverage = withData.Count == 0 ? (null, null) : (withData[0], withData[^1]);

        return new MonthlyReport(
            $"Security assessment — {month.Name}",
            scopeName,
            month.Label,
            clock.GetUtcNow(),
            headlines,
            statements,
            trend,
            Breakdown(inMonth, GroupBy.Province),
            Breakdown(inMonth, GroupBy.Perpetrator),
            Breakdown(inMonth, GroupBy.EventType),
            Districts(inMonth),
            Notable(inMonth),
            Method(datasets, coverage));
    }

    private static HeadlineFigure Headline(string label, ClaimMetric metric, Statistics.Figures current, Statistics.Figures previous, Statistics.Figures lastYear, Period month)
    {
        var value = current.Value(metric);
        var change = $"{new Change(value, previous.Value(metric)).Describe(month.Previous().Name)}; {new Change(value, lastYear.Value(metric)).Describe(month.YearBefore().Name)}";
        return new HeadlineFigure(label, value, previous.Value(metric), lastYear.Value(metric), change, current.Unknown(metric));
    }

    private List<BreakdownRow> Breakdown(IncidentQuery query, GroupBy groupBy) =>
        store.Aggregate(query, groupBy)
            .Select(r => new BreakdownRow(r.Key ?? "(not known)", r.Incidents, r.KilledBest, r.InjuredBest))
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

    private List<NotableIncident> Notable(IncidentQuery query) =>
        store.Query(query with { Sort = IncidentSort.Killed, Descending = true, Limit = NotableCount }, includeSources: true)
            .Select(i => new NotableIncident(
                i.Id,
                i.Date.IsMultiDay ? $"{i.Date.Start:yyyy-MM-dd}–{i.Date.End:yyyy-MM-dd}" : i.Date.Start.ToString("yyyy-MM-dd", Inv),
                string.Join(", ", new[] { i.Place.Location, i.Place.Admin2, i.Place.Admin1 }.Where(s => !string.IsNullOrEmpty(s)).Distinct()),
                EnumText<EventType>.Format(i.EventType).Replace('-', ' '),
                i.Perpetrator?.Name ?? i.Perpetrator?.Raw,
                Casualties(i.Killed),
                Casualties(i.Injured),
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

    private static MethodNote Method(IReadOnlyList<string> datasets, (Period? First, Period? Last) coverage) => new(
        datasets.Count == 0 ? ["no incidents recorded this month"] : [.. datasets.Select(d => DatasetName(d))],
        [
            .. datasets.Count > 1
                ? new[] { $"The figures add up incidents from {datasets.Count} datasets; an event that two datasets both report is counted twice until the duplicates are merged." }
                : [],
            "Incidents are counted once, in the month of their start date, however many days they span.",
            "Killed and injured are sums of each incident's best estimate; low and high estimates are kept in the data and shown for notable incidents. Incidents whose toll is unknown add nothing and are counted as unknown, never as zero.",
            "Changes are against the month before and the same month a year before; no percentage is given against a zero baseline.",
            "A record is the highest value since the most recent earlier month that was at least as high (reported when that is a year or more back, or since records began). A spike is a month significantly above the mean of the 12 months before it (one-sided exact Poisson test, or negative binomial when the counts are overdispersed; p < 0.01).",
            "Provinces and districts are today's: incidents in the former FATA agencies are counted in Khyber Pakhtunkhwa. Perpetrator is the dataset's side A or the perpetrator it names.",
            coverage.First is { } f && coverage.Last is { } l ? $"The data in scope run from {f.Name} to {l.Name} (up to the report's month)." : "There are no data in scope.",
        ],
        [
            "UCDP Georeferenced Event Dataset (CC BY 4.0): Sundberg and Melander (2013), Journal of Peace Research 50(4); Davies, Pettersson and Öberg (2022).",
            "District boundaries: geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): e0231866), www.geoboundaries.org.",
            "Place names: GeoNames (CC BY 4.0), www.geonames.org.",
        ]);

    private static string DatasetName(string key) => key switch
    {
        "ucdp-ged" => "UCDP GED (ucdp-ged)",
        "pbc-suicide" => "Pakistan Body Count, suicide attacks (pbc-suicide)",
        "pbc-drone" => "Pakistan Body Count, drone strikes (pbc-drone)",
        "acled" => "ACLED (acled)",
        "gtd" => "Global Terrorism Database (gtd)",
        _ => key,
    };

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
