using Vigil.Domain.Claims;
using Vigil.Domain.Time;

namespace Vigil.Statistics.Tests;

public class SpikesAndRecordsTests
{
    private static List<(Period Period, long? Value)> Monthly(params long?[] values)
    {
        var start = Period.Parse("2020-01");
        return values.Select((v, i) => (start.Shift(i), v)).ToList();
    }

    [Fact]
    public void A_poisson_baseline_gives_the_exact_upper_tail()
    {
        // Twelve months of exactly 10 (variance 0, so Poisson), then 20.
        var series = Monthly([.. Enumerable.Repeat<long?>(10L, 12), 20]);

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
        var mean = series.Take(12).Average(p => p.Value!.Value);
        var poissonTail = 1 - MathNet.Numerics.Distributions.Poisson.CDF(mean, 59);

        Assert.Equal("negative binomial", test.Method);
        Assert.True(test.PValue > poissonTail, $"negative binomial p {test.PValue} should exceed Poisson p {poissonTail}");
        Assert.False(test.IsSpike);
    }

    [Fact]
    public void No_test_without_six_periods_of_baseline_or_with_an_all_zero_baseline()
    {
        Assert.Null(Spikes.Test(ClaimMetric.Attacks, Monthly(1, 2, 3, 4, 5, 9), 5));
        Assert.Null(Spikes.Test(ClaimMetric.Attacks, Monthly([.. Enumerable.Repeat<long?>(0L, 12), 5]), 12));
    }

    [Fact]
    public void A_spike_baseline_is_the_fully_covered_run_before_the_period_and_a_partial_period_is_never_tested()
    {
        // Twelve months of 10, a month not fully covered, then five of 10 and a 20: five covered months are too few.
        var series = Monthly([.. Enumerable.Repeat<long?>(10L, 12), null, 10, 10, 10, 10, 10, 20]);
        Assert.Null(Spikes.Test(ClaimMetric.Killed, series, 18));
        Assert.Null(Spikes.Test(ClaimMetric.Killed, Monthly([.. Enumerable.Repeat<long?>(10L, 12), null]), 12));

        var longer = Monthly([null, .. Enumerable.Repeat<long?>(10L, 12), 20]);
        Assert.Equal(12, Spikes.Test(ClaimMetric.Killed, longer, 13)!.BaselinePeriods);
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
    public void The_highest_ever_is_a_record_since_records_began_on_twelve_earlier_covered_periods()
    {
        var record = Records.Find(ClaimMetric.Attacks, Monthly(5, 9, 3, 8, 7, 6, 5, 4, 3, 2, 9, 9, 12), 12)!;

        Assert.True(record.AllTime);
        Assert.Equal("the most incidents in a month since records began in January 2020", record.Describe());
    }

    [Fact]
    public void No_all_time_record_on_fewer_than_twelve_earlier_covered_periods()
    {
        // 3 killed in the second year of a dataset: "since records began" would say nothing.
        Assert.Null(Records.Find(ClaimMetric.Killed, Monthly(5, 9, 3, 12), 3));
        Assert.Null(Records.Find(ClaimMetric.Killed, Monthly(1, 3), 1));
    }

    [Fact]
    public void A_record_reaches_back_only_over_fully_covered_periods()
    {
        // A partial (null) period breaks the run: the 40 before it is not what the 30 is compared with, and the
        // run after it (12 periods) is the basis, beginning in the month after the gap.
        var series = Monthly([40, null, .. Enumerable.Repeat<long?>(20L, 12), 30]);
        var record = Records.Find(ClaimMetric.Killed, series, 14)!;
        Assert.True(record.AllTime);
        Assert.Equal("2020-03", record.FirstPeriod.Label);

        Assert.Null(Records.Find(ClaimMetric.Killed, Monthly([.. Enumerable.Repeat<long?>(20L, 12), null]), 12));
    }

    [Fact]
    public void A_value_under_the_minimum_is_no_record()
    {
        Assert.Null(Records.Find(ClaimMetric.Killed, Monthly([.. Enumerable.Repeat<long?>(0L, 12), 0]), 12));
        Assert.Null(Records.Find(ClaimMetric.Killed, Monthly([.. Enumerable.Repeat<long?>(1L, 12), Records.MinimumValue - 1]), 12));
        Assert.NotNull(Records.Find(ClaimMetric.Killed, Monthly([.. Enumerable.Repeat<long?>(1L, 12), Records.MinimumValue]), 12));
    }

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
