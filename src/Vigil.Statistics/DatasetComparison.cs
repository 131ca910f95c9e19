using Vigil.Domain.Claims;
using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Statistics;

/// <summary>One period of two datasets side by side. The ratio is A / B, null when B is zero.</summary>
public sealed record ComparisonRow(Period Period, long A, long B)
{
    public long Difference => A - B;
    public double? Ratio => B == 0 ? null : Math.Round((double)A / B, 3);
}

/// <summary>
/// The same metric from two filters (usually two datasets) per period, over the periods both cover — so
/// that a dataset that starts later does not read as a rise. How much the sources disagree, before
/// anyone trusts a trend.
/// </summary>
public static class DatasetComparison
{
    public static IReadOnlyList<ComparisonRow> Compare(IIncidentStore store, ClaimMetric metric, Estimate estimate,
        IncidentQuery a, IncidentQuery b, PeriodUnit unit)
    {
        var (aFirst, aLast) = store.DateRange(a);
        var (bFirst, bLast) = store.DateRange(b);
        if (aFirst is null || bFirst is null)
            return [];
        var from = Max(aFirst.Value, bFirst.Value);
        var to = Min(aLast!.Value, bLast!.Value);
        if (a.From is { } af && af > from) from = af;
        if (a.To is { } at && at < to) to = at;
        if (to < from)
            return [];
        var first = Period.Containing(from, unit);
        var last = Period.Containing(to, unit);
        // Whole periods: a year both datasets touch is compared over the whole year.
        var seriesA = SeriesBuilder.Build(store, new SeriesRequest(a with { From = first.Start, To = last.End }, unit));
        var seriesB = SeriesBuilder.Build(store, new SeriesRequest(b with { From = first.Start, To = last.End }, unit));
        return seriesA.Periods()
            .Select(p => new ComparisonRow(p, seriesA.At(p).Value(metric, estimate), seriesB.At(p).Value(metric, estimate)))
            .ToList();
    }

    private static DateOnly Max(DateOnly x, DateOnly y) => x > y ? x : y;
    private static DateOnly Min(DateOnly x, DateOnly y) => x < y ? x : y;
}
