using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Statistics;

/// <summary>
/// What to count: a filter, the period unit, an optional breakdown, and what the scope's datasets cover
/// (<see cref="Statistics.Coverage.Everything"/> when the caller has no datasets to go by).
/// </summary>
public sealed record SeriesRequest(IncidentQuery Filter, PeriodUnit Unit, GroupBy Breakdown = GroupBy.None, Coverage? Coverage = null);

public sealed record SeriesPoint(Period Period, string? Key, Figures Figures, CoverageState State = CoverageState.Full);

/// <summary>
/// Figures per period (and per breakdown key), every period from <see cref="First"/> to <see cref="Last"/>
/// present. A covered period with no incidents is a zero; a period the scope's datasets do not cover is
/// <see cref="CoverageState.None"/> ("no data"), and one they cover in part is <see cref="CoverageState.Partial"/>.
/// Incidents are counted once, in the period of their start date, however many days they span.
/// </summary>
public sealed class Series
{
    private readonly Dictionary<(Period, string?), Figures> _figures;

    internal Series(PeriodUnit unit, GroupBy breakdown, Period? first, Period? last, IReadOnlyList<string?> keys,
        Dictionary<(Period, string?), Figures> figures, Coverage coverage)
    {
        Coverage = coverage;
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

    public Coverage Coverage { get; }

    /// <summary>The figures counted in a period (zeros where nothing was counted: see <see cref="State"/> before printing them).</summary>
    public Figures At(Period period, string? key = null) => _figures.GetValueOrDefault((period, key), Figures.Zero);

    /// <summary>
    /// How far the scope's datasets cover the period. A period no dataset covers but that holds records (the team's
    /// own, say) is partial: its incidents are shown, never compared.
    /// </summary>
    public CoverageState State(Period period)
    {
        var state = Coverage.Of(period);
        return state == CoverageState.None && Keys.Any(k => At(period, k).Incidents > 0) ? CoverageState.Partial : state;
    }

    /// <summary>The figures of a period, or null when nothing covers it ("no data").</summary>
    public Figures? Covered(Period period, string? key = null) => State(period) == CoverageState.None ? null : At(period, key);

    /// <summary>A metric's figure for a period, or why there is none: "no data", "not recorded" or "unknown" — never a zero standing for them.</summary>
    public (long? Value, string? Missing) Shown(Period period, Domain.Claims.ClaimMetric metric, string? key = null)
    {
        if (State(period) == CoverageState.None)
            return (null, "no data");
        var f = At(period, key);
        return Coverage.Missing(metric, f.Incidents, f.Unknown(metric)) is { } missing ? (null, missing) : (f.Value(metric), null);
    }

    /// <summary>
    /// A metric per period for changes, records and spike baselines: the value of fully covered periods, null for
    /// partial and uncovered ones (which take part in none of them).
    /// </summary>
    public IReadOnlyList<(Period Period, long? Value)> Comparable(Domain.Claims.ClaimMetric metric, string? key = null) =>
        [.. Periods().Select(p => (p, State(p) == CoverageState.Full ? (long?)At(p, key).Value(metric) : null))];

    /// <summary>All points, period by period, key by key.</summary>
    public IEnumerable<SeriesPoint> Points() =>
        Periods().SelectMany(p => Keys.Select(k => new SeriesPoint(p, k, At(p, k), State(p))));

    /// <summary>The totals over the breakdown, per period.</summary>
    public IReadOnlyList<SeriesPoint> Totals() =>
        Periods().Select(p => new SeriesPoint(p, null, Keys.Aggregate(Figures.Zero, (sum, k) => sum.Add(At(p, k))), State(p))).ToList();
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
        var days = request.Unit is PeriodUnit.Month or PeriodUnit.Quarter or PeriodUnit.HalfYear or PeriodUnit.Year
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

        var coverage = request.Coverage ?? Coverage.Everything;
        DateOnly? from = request.Filter.From, to = request.Filter.To;
        var (coveredFrom, coveredTo) = coverage.Bounds();
        if (from is null && (days.Count > 0 || coveredFrom is not null))
            from = Min(days.Count > 0 ? days.Min(d => d.Day) : null, coveredFrom);
        if (to is null && (days.Count > 0 || coveredTo is not null))
            to = Max(days.Count > 0 ? days.Max(d => d.Day) : null, coveredTo);
        Period? firstPeriod = from is { } f ? Period.Containing(f, request.Unit) : null;
        Period? lastPeriod = to is { } t ? Period.Containing(t, request.Unit) : null;
        var ordered = keys.OrderBy(k => k is null ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal).ToList();
        return new Series(request.Unit, request.Breakdown, firstPeriod, lastPeriod, ordered, figures, coverage);
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is { } x && b is { } y ? (x < y ? x : y) : a ?? b;

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is { } x && b is { } y ? (x > y ? x : y) : a ?? b;
}
