using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Statistics;

/// <summary>What to count: a filter, the period unit, and an optional breakdown.</summary>
public sealed record SeriesRequest(IncidentQuery Filter, PeriodUnit Unit, GroupBy Breakdown = GroupBy.None);

public sealed record SeriesPoint(Period Period, string? Key, Figures Figures);

/// <summary>
/// Figures per period (and per breakdown key), every period from <see cref="First"/> to <see cref="Last"/>
/// present — a period with no incidents is a zero, not a gap. Incidents are counted once, in the period of
/// their start date, however many days they span.
/// </summary>
public sealed class Series
{
    private readonly Dictionary<(Period, string?), Figures> _figures;

    internal Series(PeriodUnit unit, GroupBy breakdown, Period? first, Period? last, IReadOnlyList<string?> keys,
        Dictionary<(Period, string?), Figures> figures)
    {
        Unit = unit;
        Breakdown = breakdown;
        First = first;
        Last = last;
        Keys = keys;
        _figures = figures;
    }

    public PeriodUnit Unit { get; }
    public GroupBy Breakdown { get; }
    /// <summary>Null when nothing matched and no date range was asked for.</summary>
    public Period? First { get; }
    public Period? Last { get; }
    /// <summary>The breakdown keys found (null stands for "not known"); one null key without a breakdown.</summary>
    public IReadOnlyList<string?> Keys { get; }

    public IEnumerable<Period> Periods()
    {
        if (First is not { } p || Last is not { } last)
            yield break;
        for (; p.CompareTo(last) <= 0; p = p.Next())
            yield return p;
    }

    public Figures At(Period period, string? key = null) => _figures.GetValueOrDefault((period, key), Figures.Zero);

    /// <summary>All points, period by period, key by key.</summary>
    public IEnumerable<SeriesPoint> Points() =>
        Periods().SelectMany(p => Keys.Select(k => new SeriesPoint(p, k, At(p, k))));

    /// <summary>The totals over the breakdown, per period.</summary>
    public IReadOnlyList<SeriesPoint> Totals() =>
        Periods().Select(p => new SeriesPoint(p, null, Keys.Aggregate(Figures.Zero, (sum, k) => sum.Add(At(p, k))))).ToList();
}

public static class SeriesBuilder
{
    /// <summary>
    /// Builds a series: the store sums incidents per start day (and key), the days are rolled up into the
    /// requested periods here, so one SQL shape serves days, ISO weeks, months, quarters and years. The
    /// range is the filter's From/To when given, else the first and last matching incident.
    /// </summary>
    public static Series Build(IIncidentStore store, SeriesRequest request)
    {
        // Months and longer periods come from the monthly rollup where it can answer; days and weeks need the incidents.
        var days = request.Unit is PeriodUnit.Month or PeriodUnit.Quarter or PeriodUnit.Year
            ? store.AggregateMonthly(request.Filter, request.Breakdown)
            : store.AggregateDaily(request.Filter, request.Breakdown);
        var figures = new Dictionary<(Period, string?), Figures>();
        var keys = new HashSet<string?>();
        foreach (var day in days)
        {
            var slot = (Period.Containing(day.Day, request.Unit), day.Key);
            figures[slot] = figures.TryGetValue(slot, out var sum) ? sum.Add(Figures.Of(day)) : Figures.Of(day);
            keys.Add(day.Key);
        }
        if (request.Breakdown == GroupBy.None)
            keys = [null];

        DateOnly? from = request.Filter.From, to = request.Filter.To;
        if ((from is null || to is null) && days.Count > 0)
        {
            from ??= days.Min(d => d.Day);
            to ??= days.Max(d => d.Day);
        }
        Period? firstPeriod = from is { } f ? Period.Containing(f, request.Unit) : null;
        Period? lastPeriod = to is { } t ? Period.Containing(t, request.Unit) : null;
        var ordered = keys.OrderBy(k => k is null ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal).ToList();
        return new Series(request.Unit, request.Breakdown, firstPeriod, lastPeriod, ordered, figures);
    }
}
