using Vigil.Domain.Claims;

namespace Vigil.Statistics;

/// <summary>One row of a series table (CLI and API): a period's figures with its changes, record and spike test.</summary>
public sealed record SeriesRows(
    string Period, string? Key, long Incidents,
    long KilledLow, long KilledBest, long KilledHigh, long KilledUnknown,
    long InjuredLow, long InjuredBest, long InjuredHigh, long InjuredUnknown,
    long? ChangePrevious, double? ChangePreviousPercent, long? ChangeYearBefore, double? ChangeYearBeforePercent,
    string? Record, string? Spike, double? SpikePValue)
{
    /// <summary>The rows of a series: per key, per period, with the metric's changes, record (when it reaches back a year or more) and spike.</summary>
    /// <param name="series">The series.</param>
    /// <param name="metric">The metric for changes, records and spikes.</param>
    /// <param name="wholeHistory">Whether the series starts where the data start; if not, "since records
    /// began" would only mean "since the window began", so such records are left out.</param>
    public static IEnumerable<SeriesRows> Of(Series series, ClaimMetric metric, bool wholeHistory = true)
    {
        foreach (var key in series.Keys)
        {
            var points = series.Periods().Select(p => (Period: p, Figures: series.At(p, key))).ToList();
            var values = points.Select(p => (p.Period, p.Figures.Value(metric))).ToList();
            var index = points.Select((p, i) => (p.Period, i)).ToDictionary(x => x.Period, x => x.i);
            for (var i = 0; i < points.Count; i++)
            {
                var (period, f) = points[i];
                var value = f.Value(metric);
                Change? previous = i > 0 ? new Change(value, values[i - 1].Item2) : null;
                Change? yearBefore = index.TryGetValue(period.YearBefore(), out var y) ? new Change(value, values[y].Item2) : null;
                var record = Records.Find(metric, values, i);
                var spike = Spikes.Test(metric, values, i);
                yield return new SeriesRows(period.Label, key, f.Incidents,
                    f.KilledLow, f.KilledBest, f.KilledHigh, f.KilledUnknown, f.InjuredLow, f.InjuredBest, f.InjuredHigh, f.InjuredUnknown,
                    previous?.Difference, previous?.Percent, yearBefore?.Difference, yearBefore?.Percent,
                    record is { } r && ((r.AllTime && wholeHistory) || (!r.AllTime && r.Gap >= 12)) ? r.Describe() : null,
                    spike is { IsSpike: true } s ? s.Describe() : null,
                    spike?.PValue);
            }
        }
    }
}
