using Vigil.Domain.Claims;
using Vigil.Domain.Time;

namespace Vigil.Statistics.Tests;

public class SpikesAndRecordsTests
{
    private static List<(Period, long)> Monthly(params long[] values)
    {
        var start = Period.Parse("2020-01");
        return values.Select((v, i) => (start.Shift(i), v)).ToList();
    }

    [Fact]
    public void A_poisson_baseline_gives_the_exact_upper_tail()
    {
        // Twelve months of exactly 10 (variance 0, so Poisson), then 20.
        var series = Monthly([.. Enumerable.Repeat(10L, 12), 20]);

        var test = Spikes.Test(ClaimMetric.Killed, series, 12)!;

        // P(X >= 20 | lambda = 10), summed independently: 1 - sum_{k<20} e^-10 10^k / k!
        var cdf = 0.0;
        double term = Math.Exp(-10);
        for (var k = 0; k < 20; k++)
        {
            cdf += term;
            term *= 10.0 / (k + 1);
        }
        Assert.Equal("Poisson", test.Method);
        Assert.Equal(10, test.BaselineMean, 9);
        Assert.Equal(1 - cdf, test.PValue, 9);
        Assert.True(test.IsSpike);
    }

    [Fact]
    public void Overdispersed_counts_use_the_negative_binomial_which_is_more_cautious()
    {
        var series = Monthly(2, 30, 5, 25, 1, 40, 3, 28, 6, 35, 2, 31, 60);

        var test = Spikes.Test(ClaimMetric.Killed, series, 12)!;
        var mean = series.Take(12).Average(p => p.Item2);
        var poissonTail = 1 - MathNet.Numerics.Distributions.Poisson.CDF(mean, 59);

        Assert.Equal("negative binomial", test.Method);
        Assert.True(test.PValue > poissonTail, $"negative binomial p {test.PValue} should exceed Poisson p {poissonTail}");
        Assert.False(test.IsSpike);
    }

    [Fact]
    public void No_test_without_six_periods_of_baseline_or_with_an_all_zero_baseline()
    {
        Assert.Null(Spikes.Test(ClaimMetric.Attacks, Monthly(1, 2, 3, 4, 5, 9), 5));
        Assert.Null(Spikes.Test(ClaimMetric.Attacks, Monthly([.. Enumerable.Repeat(0L, 12), 5]), 12));
    }

    [Fact]
    public void A_record_names_the_most_recent_period_at_least_as_high()
    {
        var series = Monthly(50, 10, 80, 20, 30, 70, 10, 75);

        var record = Records.Find(ClaimMetric.Killed, series, 7)!;

        Assert.Equal("2020-03", record.Since?.Label);
        Assert.Equal(80, record.SinceValue);
        Assert.Equal("the deadliest month since March 2020 (80 killed then)", record.Describe());
    }

    [Fact]
    public void The_highest_ever_is_a_record_since_records_began()
    {
        var record = Records.Find(ClaimMetric.Attacks, Monthly(5, 9, 3, 12), 3)!;

        Assert.True(record.AllTime);
        Assert.Equal("the most incidents in a month since records began in January 2020", record.Describe());
    }

    [Fact]
    public void A_zero_is_no_record() => Assert.Null(Records.Find(ClaimMetric.Killed, Monthly(0, 0), 1));

    [Theory]
    [InlineData(18, 10, 8, 80.0, "+8 (+80.0%) on November 2021")]
    [InlineData(5, 0, 5, null, "+5 from none in November 2021 (no percentage from a zero baseline)")]
    [InlineData(0, 0, 0, null, "none in November 2021 either")]
    public void A_change_never_has_a_percentage_from_zero(long current, long baseline, long difference, double? percent, string text)
    {
        var change = new Change(current, baseline);

        Assert.Equal((difference, percent), (change.Difference, change.Percent));
        Assert.Equal(text, change.Describe("November 2021"));
    }
}
