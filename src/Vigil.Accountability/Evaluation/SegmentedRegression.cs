using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Vigil.Accountability.Evaluation;

/// <summary>
/// Interrupted time series by segmented least-squares regression with a trend:
/// y_t = b0 + b1·t + b2·D_t + b3·(t − t0)·D_t, where t counts periods from the first baseline period, t0 is
/// the first after-period and D_t is 1 from t0 on. b2 is the change in level at the interruption and b3 the
/// change in trend. The effect reported is the mean difference over the after-window between the fitted
/// values and the counterfactual (the baseline line continued), b2 + b3·mean(t − t0), with its standard
/// error from the coefficients' covariance and a two-sided t-test on n − 4 degrees of freedom. The period
/// of the commitment itself is in neither window, but time runs through it.
/// </summary>
public static class SegmentedRegression
{
    /// <summary>
    /// The fewest periods each window needs. The model fits four coefficients, so two windows of 8 leave
    /// 12 residual degrees of freedom; with fewer, a trend fitted within a window is mostly noise and the
    /// level-change estimate is unstable. (Guidance for segmented regression often asks for about 12 points
    /// per segment; 8 is the least we accept, and with fewer the exact rate test is used instead.)
    /// </summary>
    public const int MinPeriodsPerWindow = 8;

    /// <param name="points">(t, y) pairs: t the period's offset from the first baseline period.</param>
    /// <param name="t0">The offset of the first after-period.</param>
    public static ItsResult Fit(IReadOnlyList<(int T, double Y)> points, int t0)
    {
        var before = points.Count(p => p.T < t0);
        var after = points.Count - before;
        if (before < MinPeriodsPerWindow || after < MinPeriodsPerWindow)
            throw new ArgumentException($"each window needs at least {MinPeriodsPerWindow} periods");
        var n = points.Count;
        var x = Matrix<double>.Build.Dense(n, 4, (i, j) =>
        {
            var t = points[i].T;
            return j switch
            {
                0 => 1.0,
                1 => t,
                2 => t >= t0 ? 1.0 : 0.0,
                _ => t >= t0 ? t - t0 : 0.0,
            };
        });
        var y = Vector<double>.Build.Dense(n, i => points[i].Y);
        var xtxInverse = x.TransposeThisAndMultiply(x).Inverse();
        var beta = xtxInverse * x.TransposeThisAndMultiply(y);
        var residuals = y - x * beta;
        var df = n - 4;
        var sigma2 = residuals.DotProduct(residuals) / df;

        var meanSinceBreak = points.Where(p => p.T >= t0).Average(p => (double)(p.T - t0));
        var c = Vector<double>.Build.DenseOfArray([0, 0, 1, meanSinceBreak]);
        var effect = c.DotProduct(beta);
        var se = Math.Sqrt(sigma2 * c.DotProduct(xtxInverse * c));
        // A series the model fits exactly leaves only rounding error: treat it as exact, not as infinitely significant.
        var scale = Math.Max(1.0, points.Max(p => Math.Abs(p.Y)));
        if (se < 1e-9 * scale)
        {
            se = 0;
            if (Math.Abs(effect) < 1e-9 * scale)
                effect = 0;
        }
        double pValue = se == 0
            ? (effect == 0 ? 1.0 : 0.0)
            : 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(effect / se)));
        var tCrit = StudentT.InvCDF(0, 1, df, 0.975);
        return new ItsResult(beta[0], beta[1], beta[2], beta[3], effect, effect - tCrit * se, effect + tCrit * se, pValue, df);
    }
}

/// <summary>The fitted coefficients, the mean after-window effect with its 95% interval, and the p-value.</summary>
public sealed record ItsResult(double Intercept, double PreTrend, double LevelChange, double TrendChange,
    double MeanEffect, double EffectLow, double EffectHigh, double PValue, int DegreesOfFreedom);
