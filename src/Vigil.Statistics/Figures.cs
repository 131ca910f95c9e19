using Vigil.Domain.Claims;
using Vigil.Storage;

namespace Vigil.Statistics;

/// <summary>Which of a casualty range's estimates a figure uses.</summary>
public enum Estimate
{
    Low,
    Best,
    High,
}

/// <summary>
/// The figures of one period (and breakdown key): incidents, and killed and injured as sums of lows, best
/// estimates and highs, with the number of incidents whose best figure is unknown (they add nothing).
/// </summary>
public sealed record Figures(
    long Incidents,
    long KilledLow, long KilledBest, long KilledHigh, long KilledUnknown,
    long InjuredLow, long InjuredBest, long InjuredHigh, long InjuredUnknown)
{
    public static readonly Figures Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static Figures Of(DailyAggregate d) => new(d.Incidents, d.KilledLow, d.KilledBest, d.KilledHigh, d.KilledUnknown,
        d.InjuredLow, d.InjuredBest, d.InjuredHigh, d.InjuredUnknown);

    public Figures Add(Figures o) => new(Incidents + o.Incidents,
        KilledLow + o.KilledLow, KilledBest + o.KilledBest, KilledHigh + o.KilledHigh, KilledUnknown + o.KilledUnknown,
        InjuredLow + o.InjuredLow, InjuredBest + o.InjuredBest, InjuredHigh + o.InjuredHigh, InjuredUnknown + o.InjuredUnknown);

    public long Value(ClaimMetric metric, Estimate estimate = Estimate.Best) => (metric, estimate) switch
    {
        (ClaimMetric.Attacks, _) => Incidents,
        (ClaimMetric.Killed, Estimate.Low) => KilledLow,
        (ClaimMetric.Killed, Estimate.High) => KilledHigh,
        (ClaimMetric.Killed, _) => KilledBest,
        (ClaimMetric.Injured, Estimate.Low) => InjuredLow,
        (ClaimMetric.Injured, Estimate.High) => InjuredHigh,
        _ => InjuredBest,
    };

    /// <summary>How many incidents add nothing to the metric because their figure is unknown.</summary>
    public long Unknown(ClaimMetric metric) => metric switch
    {
        ClaimMetric.Killed => KilledUnknown,
        ClaimMetric.Injured => InjuredUnknown,
        _ => 0,
    };
}
