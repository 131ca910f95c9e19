using System.Globalization;
using Vigil.Domain.Claims;
using Vigil.Statistics;

namespace Vigil.Cli.Commands;

/// <summary>One row of <c>vigil stats series</c>: a period's figures with its changes, record and spike test.</summary>
internal sealed record SeriesRows(
    string Period, string? Key, long Incidents,
    long KilledLow, long KilledBest, long KilledHigh, long KilledUnknown,
    long InjuredLow, long InjuredBest, long InjuredHigh, long InjuredUnknown,
    long? ChangePrevious, double? ChangePreviousPercent, long? ChangeYearBefore, double? ChangeYearBeforePercent,
    string? Record, string? Spike, double? SpikePValue)
{
    /// <summary>The rows of a series: per key, per period, with the metric's changes, record (when it reaches back a year or more) and spike.</summary>
    public static IEnumerable<SeriesRows> Of(Series series, ClaimMetric metric)
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
                    record is { } r && (r.AllTime || r.Gap >= 12) ? r.Describe() : null,
                    spike is { IsSpike: true } s ? s.Describe() : null,
                    spike?.PValue);
            }
        }
    }

    public string ToCsv()
    {
        static string Q(string? s) => s is null ? "" : "\"" + Ingestion.Formats.Vigil.FormulaGuard.Escape(s)!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var inv = CultureInfo.InvariantCulture;
        return string.Join(",",
            Period, Q(Key), Incidents.ToString(inv), KilledLow.ToString(inv), KilledBest.ToString(inv), KilledHigh.ToString(inv), KilledUnknown.ToString(inv),
            InjuredLow.ToString(inv), InjuredBest.ToString(inv), InjuredHigh.ToString(inv), InjuredUnknown.ToString(inv),
            ChangePrevious?.ToString(inv) ?? "", ChangePreviousPercent?.ToString(inv) ?? "", ChangeYearBefore?.ToString(inv) ?? "",
            ChangeYearBeforePercent?.ToString(inv) ?? "", Q(Record), SpikePValue?.ToString("R", inv) ?? "");
    }
}
