using Vigil.Accountability.Evaluation;
using Vigil.Accountability.Tests.Support;
using Vigil.Statistics;

namespace Vigil.Accountability.Tests;

/// <summary>Commitments judged against series whose figures are set by hand.</summary>
public sealed class EvaluationTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    private static CommitmentEvaluation Evaluate(MonthlyIncidents data, Domain.Accountability.Commitment commitment) =>
        new CommitmentEvaluator(data.Store, Scopes.Bundled, [], Today).Evaluate(commitment);

    [Fact]
    public void A_clear_drop_after_the_commitment_is_improved()
    {
        // Jan–Jun 2020: 10 a month (60); July, the month of the commitment, is left out; Aug 2020–Jan 2021: 2 a month (12).
        using var data = new MonthlyIncidents(Months.From("2020-01", 10, 10, 10, 10, 10, 10, 5, 2, 2, 2, 2, 2, 2));
        var result = Evaluate(data, Samples.Commitment("2020-07-15"));

        Assert.Equal(OutcomeVerdict.Improved, result.Verdict);
        Assert.Equal(EvaluationMethod.PoissonRateTest, result.Method);
        Assert.Equal([10, 10, 10, 10, 10, 10], result.Before.Select(v => v.Value));
        Assert.Equal([2, 2, 2, 2, 2, 2], result.After.Select(v => v.Value));
        Assert.Equal("2020-08", result.After[0].Period.Label);
        Assert.Equal(0.2, result.Rates!.RateRatio!.Value, 10);   // (12 / 6) / (60 / 6)
        Assert.True(result.Rates.PValue < 0.001, $"p = {result.Rates.PValue}");
        Assert.True(result.Rates.RatioLow < 0.2 && result.Rates.RatioHigh > 0.2 && result.Rates.RatioHigh < 1);
    }

    [Fact]
    public void A_flat_series_shows_no_measurable_change()
    {
        using var data = new MonthlyIncidents(Months.From("2020-01", 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5));
        var result = Evaluate(data, Samples.Commitment("2020-07-15"));

        Assert.Equal(OutcomeVerdict.NoMeasurableChange, result.Verdict);
        Assert.Equal(1.0, result.Rates!.RateRatio!.Value, 10);
        Assert.Equal(1.0, result.Rates.PValue, 10);   // 30 of 60 events after, exactly the expected half
    }

    [Fact]
    public void An_after_window_of_two_months_is_too_early()
    {
        // The data end in December 2020: only November and December follow an October commitment.
        using var data = new MonthlyIncidents(Months.From("2020-01", 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 1, 1));
        var result = Evaluate(data, Samples.Commitment("2020-10-15"));

        Assert.Equal(OutcomeVerdict.TooEarly, result.Verdict);
        Assert.Equal(6, result.Before.Count);
        Assert.Equal(2, result.After.Count);
        Assert.Contains("each window needs at least 3", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Months_after_today_are_not_counted_even_when_the_data_reach_them()
    {
        using var data = new MonthlyIncidents(Months.From("2026-01", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3));
        var result = Evaluate(data, Samples.Commitment("2026-07-15"));

        // Today is 1 November 2026: August, September and October have ended; November and December have not.
        Assert.Equal(["2026-08", "2026-09", "2026-10"], result.After.Select(v => v.Period.Label));
    }

    [Fact]
    public void A_zero_baseline_has_no_rate_ratio_and_a_rise_from_it_is_worsened()
    {
        // No TTP attacks Jan–Jun 2020 (another group's incident on 1 January shows the data cover them), 3 a month after.
        using var data = new MonthlyIncidents(Months.From("2020-08", 3, 3, 3, 3, 3, 3), "2020-01-01");
        var result = Evaluate(data, Samples.Commitment("2020-07-15"));

        Assert.Equal(OutcomeVerdict.Worsened, result.Verdict);
        Assert.Equal(0, result.BeforeTotal);
        Assert.Equal(18, result.AfterTotal);
        Assert.Null(result.Rates!.RateRatio);
        Assert.Null(result.Rates.RatioHigh);
        // All 18 events after, each after with probability 1/2 under equal rates: p = 2 · 2^-18.
        Assert.Equal(Math.Pow(2, -17), result.Rates.PValue, 12);
        // Clopper–Pearson lower bound of 18/18 is 0.025^(1/18); the ratio bound is p/(1-p) with equal exposures.
        var pLow = Math.Pow(0.025, 1.0 / 18);
        Assert.Equal(pLow / (1 - pLow), result.Rates.RatioLow!.Value, 6);
    }

    [Fact]
    public void A_zero_baseline_and_nothing_after_is_too_little_data()
    {
        // Another group's incidents on 1 January 2020 and 31 January 2021 show the data cover every month between.
        using var data = new MonthlyIncidents(new Dictionary<string, int>(), "2020-01-01", "2021-01-31");
        var result = Evaluate(data, Samples.Commitment("2020-07-15"));

        Assert.Equal(OutcomeVerdict.TooEarly, result.Verdict);
        Assert.Equal(6, result.Before.Count);
        Assert.Equal(6, result.After.Count);
        Assert.Equal("no events in either window: nothing to compare", result.Reason);
    }

    [Fact]
    public void A_rising_trend_that_merely_continues_is_no_change_by_the_time_series_though_the_rates_rose()
    {
        // 12 months before and 12 after (July 2021 left out), rising by one a month throughout: 10, 11, ... 21, [22], 23, ... 34.
        var counts = Enumerable.Range(0, 25).Select(i => 10 + i).ToArray();
        using var data = new MonthlyIncidents(Months.From("2020-07", counts));
        var result = Evaluate(data, Samples.Commitment("2021-07-15", baseline: 12, after: 12));

        Assert.Equal(EvaluationMethod.InterruptedTimeSeries, result.Method);
        Assert.Equal(OutcomeVerdict.NoMeasurableChange, result.Verdict);
        Assert.Equal(1.0, result.TimeSeries!.PreTrend, 8);
        // Time runs through the month left out, so the after line is the before line continued.
        Assert.Equal(0.0, result.TimeSeries.LevelChange, 8);
        Assert.Equal(0.0, result.TimeSeries.TrendChange, 8);
        // Compared naively, the rates did rise significantly (186 before, 342 after).
        Assert.Equal(186, result.BeforeTotal);
        Assert.Equal(342, result.AfterTotal);
        Assert.True(result.Rates!.PValue < 0.001);
    }
}
