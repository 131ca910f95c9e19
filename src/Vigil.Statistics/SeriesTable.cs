using Vigil.Domain.Claims;
using Vigil.Domain.Text;

namespace Vigil.Statistics;

/// <summary>
/// One row of a series table (CLI and API): a period's figures with its coverage, changes, record and spike test.
/// Figures are null where they would mean something else than their label: every figure when nothing covers the
/// period ("no data"); killed or injured when no dataset in scope records it or every incident's figure is unknown.
/// </summary>
public sealed record SeriesRows(
    string Period, string? Key, string Coverage, long? Incidents,
    long? KilledLow, long? KilledBest, long? KilledHigh, long? KilledUnknown,
    long? InjuredLow, long? InjuredBest, long? InjuredHigh, long? InjuredUnknown,
    long? ChangePrevious, double? ChangePreviousPercent, long? ChangeYearBefore, double? ChangeYearBeforePercent,
    string? Record, string? Spike, double? SpikePValue)
{
    /// <summary>
    /// The rows of a series: per key, per period, with the metric's changes (only between fully covered periods),
    /// record (when it reaches back a year or more, or to the start of the covered run) and spike.
    /// </summary>
    /// <param name="series">The series.</param>
    /// <param name="metric">The metric for changes, records and spikes.</param>
    /// <param name="wholeHistory">Whether the series starts where the data start; if not, "since records
    /// began" would only mean "since the window began", so such records are left out.</param>
    public static IEnumerable<SeriesRows> Of(Series series, ClaimMetric metric, bool wholeHistory = true)
    {
        foreach (var key in series.Keys)
        {
            var periods = series.Periods().ToList();
            var values = series.Comparable(metric, key);
            var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                var state = series.State(period);
                var f = series.At(period, key);
                Change? previous = i > 0 && values[i].Value is { } now && values[i - 1].Value is { } before ? new Change(now, before) : null;
                Change? yearBefore = values[i].Value is { } v && index.TryGetValue(period.YearBefore(), out var y) && values[y].Value is { } then
                    ? new Change(v, then) : null;
                var record = Records.Find(metric, values, i);
                var spike = Spikes.Test(metric, values, i);
                var covered = state != CoverageState.None;
                var killed = series.Shown(period, ClaimMetric.Killed, key).Value is not null;
                var injured = series.Shown(period, ClaimMetric.Injured, key).Value is not null;
                var injuredRecorded = series.Coverage.Records("injured");
                yield return new SeriesRows(period.Label, key, EnumText<CoverageState>.Format(state), covered ? f.Incidents : null,
                    killed ? f.KilledLow : null, killed ? f.KilledBest : null, killed ? f.KilledHigh : null, covered ? f.KilledUnknown : null,
                    injured ? f.InjuredLow : null, injured ? f.InjuredBest : null, injured ? f.InjuredHigh : null,
                    covered && injuredRecorded ? f.InjuredUnknown : null,
                    previous?.Difference, previous?.Percent, yearBefore?.Difference, yearBefore?.Percent,
                    record is { } r && ((r.AllTime && wholeHistory) || (!r.AllTime && r.Gap >= 12)) ? r.Describe() : null,
                    spike is { IsSpike: true } s ? s.Describe() : null,
                    spike?.PValue);
            }
        }
    }
}
