using MathNet.Numerics.Distributions;

namespace Vigil.Accountability.Evaluation;

/// <summary>
/// Compares two Poisson rates: <c>after</c> events over <c>afterExposure</c> periods against
/// <c>before</c> events over <c>beforeExposure</c> periods. Conditional on the total N = before + after,
/// the after count is Binomial(N, p0) with p0 = afterExposure / (beforeExposure + afterExposure) when the
/// rates are equal; the test is exact (no normal approximation), which matters for the small counts of a
/// district or a single group. The two-sided p-value doubles the smaller tail (capped at 1). The confidence
/// interval of the rate ratio comes from the Clopper–Pearson interval of the binomial proportion p, through
/// RR = p / (1 − p) · beforeExposure / afterExposure.
/// </summary>
public static class PoissonRateTest
{
    /// <param name="before">Events in the baseline window.</param>
    /// <param name="beforeExposure">Its length (periods).</param>
    /// <param name="after">Events in the after-window.</param>
    /// <param name="afterExposure">Its length (periods).</param>
    /// <param name="confidence">For example 0.95.</param>
    public static RateComparison Compare(long before, double beforeExposure, long after, double afterExposure, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(before);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        if (beforeExposure <= 0 || afterExposure <= 0)
            throw new ArgumentOutOfRangeException(nameof(beforeExposure), "exposures must be positive");

        var rateBefore = before / beforeExposure;
        var rateAfter = after / afterExposure;
        double? ratio = before == 0 ? null : rateAfter / rateBefore;
        var n = before + after;
        if (n == 0)
            return new RateComparison(rateBefore, rateAfter, null, null, null, 1.0);

        var p0 = afterExposure / (beforeExposure + afterExposure);
        var binomial = new Binomial(p0, (int)n);
        var lower = binomial.CumulativeDistribution(after);                        // P(X <= after)
        var upper = after == 0 ? 1.0 : 1.0 - binomial.CumulativeDistribution(after - 1); // P(X >= after)
        var pValue = Math.Min(1.0, 2 * Math.Min(lower, upper));

        var alpha = 1 - confidence;
        var pLow = after == 0 ? 0.0 : Beta.InvCDF(after, n - after + 1, alpha / 2);
        var pHigh = after == n ? 1.0 : Beta.InvCDF(after + 1, n - after, 1 - alpha / 2);
        var scale = beforeExposure / afterExposure;
        double? ciLow = pLow * scale / (1 - pLow);
        double? ciHigh = pHigh >= 1.0 ? null : pHigh * scale / (1 - pHigh);
        return new RateComparison(rateBefore, rateAfter, ratio, ciLow, ciHigh, pValue);
    }
}

/// <summary>
/// Rates per period before and after, their ratio (after / before; null when the baseline is zero, where
/// a ratio has no finite value), its confidence interval (upper bound null = unbounded; both null when
/// there were no events at all), and the exact two-sided p-value.
/// </summary>
public sealed record RateComparison(double RateBefore, double RateAfter, double? RateRatio, double? RatioLow, double? RatioHigh, double PValue);
