using System.Globalization;
using Vigil.Application.Reports;
using Vigil.Domain.Incidents;
using Vigil.Storage;

namespace Vigil.Cli.Summary;

/// <summary>
/// A month's figures beside the month before and the same month a year before, by start date, with the
/// breakdowns a monthly security assessment opens with. Killed and injured are sums of best estimates;
/// the counts of incidents whose toll is unknown are given beside them.
/// </summary>
public sealed record MonthlySummary(
    string Month,
    PeriodFigures Current,
    PeriodFigures PreviousMonth,
    PeriodFigures SameMonthLastYear,
    IReadOnlyList<AggregateRow> ByProvince,
    IReadOnlyList<AggregateRow> ByPerpetrator,
    IReadOnlyList<AggregateRow> ByEventType,
    IReadOnlyList<NotableIncident> Deadliest)
{
    public static MonthlySummary Build(IIncidentStore store, IncidentQuery filter, DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        IncidentQuery In(DateOnly start) => filter with { From = start, To = start.AddMonths(1).AddDays(-1), Limit = null, Offset = 0 };
        var current = In(first);
        return new MonthlySummary(
            first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Figures(store, current),
            Figures(store, In(first.AddMonths(-1))),
            Figures(store, In(first.AddYears(-1))),
            Ranked(store.Aggregate(current, GroupBy.Province)),
            Ranked(store.Aggregate(current, GroupBy.Perpetrator)).Take(10).ToList(),
            Ranked(store.Aggregate(current, GroupBy.EventType)),
            store.Query(current with { Sort = IncidentSort.Killed, Descending = true, Limit = 5 }, includeSources: true)
                .Select(NotableIncident.Of).ToList());
    }

    /// <summary>The first day of the latest month with incidents matching the filter (<see cref="DataMonths"/>), or null when none does.</summary>
    public static DateOnly? LatestMonth(IIncidentStore store, IncidentQuery filter) => DataMonths.Latest(store, filter)?.Start;

    private static PeriodFigures Figures(IIncidentStore store, IncidentQuery query)
    {
        var row = store.Aggregate(query, GroupBy.None).SingleOrDefault();
        return row is null ? new PeriodFigures(0, 0, 0, 0, 0)
            : new PeriodFigures(row.Incidents, row.KilledBest, row.KilledUnknown, row.InjuredBest, row.InjuredUnknown);
    }

    private static List<AggregateRow> Ranked(IEnumerable<AggregateRow> rows) =>
        rows.OrderByDescending(r => r.KilledBest).ThenByDescending(r => r.Incidents).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
}

public sealed record PeriodFigures(long Incidents, long Killed, long KilledUnknown, long Injured, long InjuredUnknown);

public sealed record NotableIncident(long Id, string Date, string? Province, string? District, string EventType, string? Perpetrator,
    int? Killed, int? Injured, string? Source)
{
    public static NotableIncident Of(Incident i) => new(
        i.Id, i.Date.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Place.Admin1, i.Place.Admin2,
        Domain.Text.EnumText<EventType>.Format(i.EventType), i.Perpetrator?.Name ?? i.Perpetrator?.Raw, i.Killed.Best, i.Injured.Best,
        i.Sources.Select(s => s.Headline ?? s.Name ?? s.Url).FirstOrDefault(s => s is not null));
}
