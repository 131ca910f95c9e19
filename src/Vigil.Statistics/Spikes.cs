using System.Globalization;
using MathNet.Numerics.Distributions;
using Vigil.Domain.Claims;
using Vigil.Domain.Time;

namespace Vigil.Statistics;

/// <summary>
/// The outcome of testing one period against its trailing baseline: the observed count, the baseline's
/// mean and variance over <see cref="BaselinePeriods"/> periods, the model used, and the one-sided p-value
/// P(X ≥ observed) under that model.
/// </summary>
public sealed record SpikeTest(
    ClaimMetric Metric, Period Period, long Observed, double BaselineMean, double BaselineVariance, int BaselinePeriods,
    string Method, double PValue, double Alpha)
{
    public bool IsSpike => PValue < Alpha;

    /// <summary>"a spike: 37 killed against a trailing 12-month mean of 14.2 (negative binomial, p = 0.004)".</summary>
    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        var p = PValue < 1e-6 ? "p < 0.000001" : string.Create(inv, $"p = {PValue:0.######}");
        return string.Create(inv,
            $"a spike: {Observed:N0} {RecordStatement.Noun(Metric)} against a trailing {BaselinePeriods}-{Period.UnitName(Period.Unit)} mean of {BaselineMean:0.0} ({Method}, {p})");
    }
}

/// <summary>
/// Flags periods significantly above their trailing baseline.
/// <para>Method: the baseline is the <see cref="Window"/> periods before the one tested (at least
/// <see cref="MinimumPeriods"/> of them, all fully covered by the scope's datasets). If their variance is at most
/// <see cref="OverdispersionRatio"/> times their mean, counts are taken as Poisson with that mean and the
/// p-value is the exact upper tail P(X ≥ observed). Conflict counts are usually overdispersed (variance well
/// above the mean); then a negative binomial with the same mean and variance (method of moments:
/// r = mean² / (variance − mean)) gives the upper tail instead, which is more conservative. A period is a
/// spike when p &lt; <see cref="Alpha"/> (one-sided). A baseline of all zeros gives no test: any incident
/// would be "significant" and the statement would say nothing.</para>
/// </summary>
public static class Spikes
{
    public const int Window = 12;
    public const int MinimumPeriods = 6;
    public const double OverdispersionRatio = 1.5;
    public const double Alpha = 0.01;

    /// <summary>Tests the period at <paramref name="index"/> of a contiguous series against the periods before it.</summary>
    /// <remarks>Values are null where a period is not fully covered: such a period is never tested, and the baseline is the
    /// fully covered run just before it (at most <see cref="Window"/> periods).</remarks>
    public static SpikeTest? Test(ClaimMetric metric, IReadOnlyList<(Period Period, long? Value)> series, int index)
    {
        if (series[index].Value is not { } observed)
            return null;
        var baseline = new List<double>();
        for (var j = index - 1; j >= 0 && baseline.Count < Window && series[j].Value is { } v; j--)
            baseline.Insert(0, v);
        if (baseline.Count < MinimumPeriods)
            return null;
        var period = series[index].Period;
        var mean = baseline.Average();
        if (mean <= 0)
            return null;
        var variance = baseline.Sum(v => (v - mean) * (v - mean)) / (baseline.Count - 1);
        string method;
        double p;
        if (variance > OverdispersionRatio * mean)
        {
            // Method of moments: mean = r(1-q)/q, variance = mean/q, with q the success probability.
            var r = mean * mean / (variance - mean);
            var q = mean / variance;
            method = "negative binomial";
            p = observed == 0 ? 1 : 1 - NegativeBinomial.CDF(r, q, observed - 1);
        }
        else
        {
            method = "Poisson";
            p = observed == 0 ? 1 : 1 - Poisson.CDF(mean, observed - 1);
        }
        return new SpikeTest(metric, period, observed, mean, variance, baseline.Count, method, Math.Max(0, p), Alpha);
    }
}
