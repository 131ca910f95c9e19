using System.Globalization;
using Vigil.Accountability.Border;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Claims;
using Vigil.Domain.Datasets;
using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Accountability.Evaluation;

/// <summary>
/// Judges commitments by results. For each, the indicator's values in the baseline and after-windows
/// (see <see cref="Indicator"/>) are computed from the incident store with the statistics' own series (or,
/// for days closed, from the crossing's status events). Then:
/// <list type="bullet">
/// <item>fewer than <see cref="MinPeriodsPerWindow"/> covered periods in either window: too early / too little data;</item>
/// <item>at least <see cref="SegmentedRegression.MinPeriodsPerWindow"/> in both: interrupted time series decides
/// (it allows for a trend that was already under way before the commitment);</item>
/// <item>otherwise, for counts, the exact Poisson rate test decides; with no events in either window there is
/// nothing to compare (too little data). Days closed are not independent events, so they are only judged by
/// the time series.</item>
/// </list>
/// A change is significant at p &lt; <see cref="Alpha"/> (two-sided); its sign against the indicator's
/// direction makes it improved or worsened. The rate comparison is reported for count metrics whichever
/// method decided. Casualty sums are overdispersed (one attack can kill dozens), so for killed and injured
/// the Poisson test is optimistic: prefer attacks, or windows long enough for the time series.
/// </summary>
/// <param name="store">The incidents.</param>
/// <param name="scopes">Name resolution for the indicators' filters.</param>
/// <param name="statusEvents">The crossings' status events (days closed).</param>
/// <param name="today">Periods that have not ended by today take no part.</param>
/// <param name="datasets">
/// The database's datasets: an indicator counts in the datasets its filter names (in order of precedence, a linked
/// event once) or, naming none, in the primary dataset, and a period counts only when those datasets cover it
/// wholly. Null: every incident of the store, and the span of its data (a store with no datasets to go by).
/// </param>
public sealed class CommitmentEvaluator(IIncidentStore store, Scopes scopes, IReadOnlyList<StatusEvent> statusEvents, DateOnly today,
    IReadOnlyList<Dataset>? datasets = null)
{
    /// <summary>The fewest whole periods each window needs for any verdict but "too early".</summary>
    public const int MinPeriodsPerWindow = 3;

    public const double Alpha = 0.05;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What the incident data cover, read once for all the commitments this evaluator judges.</summary>
    private readonly Dictionary<IndicatorFilter, (IReadOnlyList<string> Names, Coverage Coverage)> _inScope = new(ReferenceEqualityComparer.Instance);

    private readonly Lazy<(DateOnly? First, DateOnly? Last)> _dataRange = new(() => store.DateRange(IncidentQuery.All));

    public CommitmentEvaluation Evaluate(Commitment commitment)
    {
        var indicator = commitment.Indicator;
        var made = Period.Containing(commitment.MadeOn, indicator.Unit);
        var (first, last) = Coverage(indicator);
        var before = Enumerable.Range(1, indicator.BaselinePeriods).Select(k => made.Shift(-k)).Reverse()
            .Where(p => Covered(indicator, p, first, last)).ToList();
        var after = Enumerable.Range(1, indicator.AfterPeriods).Select(made.Shift)
            .Where(p => Covered(indicator, p, first, last)).ToList();

        var values = Values(indicator, before.Concat(after).ToList());
        var beforeValues = before.Select(p => new IndicatorValue(p, values[p])).ToList();
        var afterValues = after.Select(p => new IndicatorValue(p, values[p])).ToList();

        CommitmentEvaluation Result(RateComparison? rates, ItsResult? its, EvaluationMethod method, OutcomeVerdict verdict, string reason) =>
            new(commitment.Key, indicator, beforeValues, afterValues, rates, its, method, verdict, reason, last)
            {
                Datasets = datasets is null || indicator.Metric == IndicatorMetric.DaysClosed ? [] : InScope(indicator.Filter).Names,
            };

        var unit = Period.UnitName(indicator.Unit);
        if (before.Count < MinPeriodsPerWindow || after.Count < MinPeriodsPerWindow)
        {
            var dataTo = last is { } l ? l.ToString("yyyy-MM-dd", Inv) : "no data";
            return Result(null, null, EvaluationMethod.None, OutcomeVerdict.TooEarly, string.Create(Inv,
                $"{before.Count} {unit}(s) before and {after.Count} after are covered by the data (to {dataTo}); each window needs at least {MinPeriodsPerWindow}"));
        }

        var isCount = indicator.Metric != IndicatorMetric.DaysClosed;
        var rates = isCount
            ? PoissonRateTest.Compare(beforeValues.Sum(v => v.Value), before.Count, afterValues.Sum(v => v.Value), after.Count)
            : null;

        if (before.Count >= SegmentedRegression.MinPeriodsPerWindow && after.Count >= SegmentedRegression.MinPeriodsPerWindow)
        {
            var origin = made.Shift(-indicator.BaselinePeriods);
            int Offset(Period p) => Enumerable.Range(0, indicator.BaselinePeriods + indicator.AfterPeriods + 1).First(k => origin.Shift(k) == p);
            var points = beforeValues.Concat(afterValues).Select(v => (Offset(v.Period), (double)v.Value)).ToList();
            var its = SegmentedRegression.Fit(points, Offset(made.Next()));
            var verdict = Decide(its.PValue, its.MeanEffect, indicator.Direction);
            return Result(rates, its, EvaluationMethod.InterruptedTimeSeries, verdict, string.Create(Inv,
                $"interrupted time series over {before.Count} + {after.Count} {unit}s: mean effect {its.MeanEffect:0.##} per {unit} against the pre-commitment trend (95% CI {its.EffectLow:0.##} to {its.EffectHigh:0.##}), p = {its.PValue:0.####}"));
        }
        if (rates is null)
        {
            return Result(null, null, EvaluationMethod.None, OutcomeVerdict.TooEarly, string.Create(Inv,
                $"days closed are judged only by the interrupted time series, which needs {SegmentedRegression.MinPeriodsPerWindow} {unit}s on each side"));
        }
        if (rates.RatioLow is null && rates.RatioHigh is null)
        {
            return Result(rates, null, EvaluationMethod.None, OutcomeVerdict.TooEarly,
                "no events in either window: nothing to compare");
        }
        var ratio = rates.RateRatio is { } r ? r.ToString("0.##", Inv) : "not defined (zero baseline)";
        return Result(rates, null, EvaluationMethod.PoissonRateTest, Decide(rates.PValue, rates.RateAfter - rates.RateBefore, indicator.Direction),
            string.Create(Inv, $"exact Poisson rate test: {rates.RateBefore:0.##} per {unit} before, {rates.RateAfter:0.##} after, rate ratio {ratio}, p = {rates.PValue:0.####}"));
    }

    private static OutcomeVerdict Decide(double pValue, double change, ProgressDirection direction)
    {
        if (pValue >= Alpha || change == 0)
            return OutcomeVerdict.NoMeasurableChange;
        var wentDown = change < 0;
        return wentDown == (direction == ProgressDirection.Decrease) ? OutcomeVerdict.Improved : OutcomeVerdict.Worsened;
    }

    /// <summary>
    /// A period counts when it has ended before today and lies wholly within what the data cover: the indicator's
    /// datasets' coverage (when the evaluator has datasets), else the span of the data.
    /// </summary>
    private bool Covered(Indicator indicator, Period p, DateOnly? first, DateOnly? last)
    {
        if (p.End >= today)
            return false;
        if (indicator.Metric != IndicatorMetric.DaysClosed && datasets is not null)
            return InScope(indicator.Filter).Coverage.Of(p) == CoverageState.Full;
        return first is { } f && last is { } l && p.Start >= Period.Containing(f, p.Unit).Start && p.End <= l;
    }

    private (DateOnly? First, DateOnly? Last) Coverage(Indicator indicator)
    {
        if (indicator.Metric == IndicatorMetric.DaysClosed)
        {
            var events = statusEvents.Where(e => e.CrossingKey == indicator.Filter.Crossing && e.From <= today).ToList();
            return events.Count == 0 ? (null, null) : (events.Min(e => e.From), today.AddDays(-1));
        }
        return datasets is null ? _dataRange.Value : InScope(indicator.Filter).Coverage.Bounds();
    }

    /// <summary>The datasets an indicator counts in (those it names, known to the database; none: the primary one) and what they cover.</summary>
    private (IReadOnlyList<string> Names, Coverage Coverage) InScope(IndicatorFilter filter)
    {
        // Asked for every period of every window: worked out once per indicator filter.
        if (_inScope.TryGetValue(filter, out var known))
            return known;
        var all = datasets ?? [];
        var chosen = filter.Datasets.Count > 0
            ? [.. filter.Datasets.Select(n => all.FirstOrDefault(d => string.Equals(d.Name, n, StringComparison.OrdinalIgnoreCase))).OfType<Dataset>()]
            : all.Where(d => d.Primary).ToList();
        var query = new IncidentQuery { EventTypes = filter.EventTypes };
        return _inScope[filter] = ([.. chosen.Select(d => d.Name)], Statistics.Coverage.For(chosen, query));
    }

    private Dictionary<Period, long> Values(Indicator indicator, IReadOnlyList<Period> periods)
    {
        var result = periods.ToDictionary(p => p, _ => 0L);
        if (periods.Count == 0)
            return result;
        if (indicator.Metric == IndicatorMetric.DaysClosed)
        {
            var episodes = ClosureEpisodes.Derive(statusEvents.Where(e => e.CrossingKey == indicator.Filter.Crossing), today);
            foreach (var p in periods)
                result[p] = CrossingReport.DaysClosed(episodes, p, today);
            return result;
        }
        var query = ToQuery(indicator.Filter) with { From = periods.Min(p => p.Start), To = periods.Max(p => p.End) };
        if (datasets is not null)
            query = query with { Datasets = InScope(indicator.Filter).Names };
        var series = SeriesBuilder.Build(store, new SeriesRequest(query, indicator.Unit));
        var metric = indicator.Metric switch
        {
            IndicatorMetric.Killed => ClaimMetric.Killed,
            IndicatorMetric.Injured => ClaimMetric.Injured,
            _ => ClaimMetric.Attacks,
        };
        var totals = series.Totals().ToDictionary(t => t.Period, t => t.Figures.Value(metric));
        foreach (var p in periods)
            result[p] = totals.GetValueOrDefault(p);
        return result;
    }

    /// <summary>The indicator's filter as a store query, names resolved as the other commands resolve them.</summary>
    public IncidentQuery ToQuery(IndicatorFilter filter) => new()
    {
        Countries = filter.Countries.Select(scopes.Country).ToList(),
        Provinces = filter.Provinces.Select(scopes.Province).ToList(),
        Districts = filter.Districts.Select(scopes.District).ToList(),
        Perpetrators = filter.Perpetrators.SelectMany(scopes.Actor).Distinct(StringComparer.Ordinal).ToList(),
        EventTypes = filter.EventTypes,
        Datasets = filter.Datasets,
    };
}
