using Vigil.Accountability.Evaluation;

namespace Vigil.Accountability.Tests;

public sealed class PoissonRateTestTests
{
    [Fact]
    public void Four_events_before_and_none_after_over_equal_windows_has_p_one_eighth()
    {
        // Given 4 events in all, each falls after with probability 1/2: P(0 after) = 1/16, two-sided 1/8.
        var r = PoissonRateTest.Compare(4, 1, 0, 1);
        Assert.Equal(0.125, r.PValue, 12);
        Assert.Equal(0.0, r.RateRatio);
        Assert.Equal(0.0, r.RatioLow);
        // Clopper–Pearson upper bound for 0 of 4 is 1 − 0.025^(1/4); as a ratio, p/(1 − p).
        var pHigh = 1 - Math.Pow(0.025, 0.25);
        Assert.Equal(pHigh / (1 - pHigh), r.RatioHigh!.Value, 6);
    }

    [Fact]
    public void Unequal_windows_compare_rates_not_totals()
    {
        // 12 in 12 months before, 6 in 6 months after: the same rate of 1 a month.
        var r = PoissonRateTest.Compare(12, 12, 6, 6);
        Assert.Equal(1.0, r.RateRatio!.Value, 12);
        Assert.Equal(1.0, r.PValue, 12);
    }
}
