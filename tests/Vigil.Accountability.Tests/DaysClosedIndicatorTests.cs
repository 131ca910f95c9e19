using Vigil.Accountability.Evaluation;
using Vigil.Accountability.Tests.Support;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Statistics;

namespace Vigil.Accountability.Tests;

/// <summary>Commitments measured by the days a crossing was closed per month, from its status events.</summary>
public sealed class DaysClosedIndicatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    /// <summary>Closed on the 1st to the 10th of each month from January 2024 to the month before <paramref name="stopAfter"/>.</summary>
    private static List<StatusEvent> TenDaysAMonth(DateOnly stopAfter)
    {
        var events = new List<StatusEvent> { new() { CrossingKey = "torkham", Status = CrossingStatus.Open, From = new DateOnly(2023, 12, 1) } };
        for (var m = new DateOnly(2024, 1, 1); m < stopAfter; m = m.AddMonths(1))
        {
            events.Add(new() { CrossingKey = "torkham", Status = CrossingStatus.Closed, From = m });
            events.Add(new() { CrossingKey = "torkham", Status = CrossingStatus.Open, From = m.AddDays(10) });
        }
        return events;
    }

    [Fact]
    public void Closures_that_stop_after_the_commitment_are_an_improvement_by_the_time_series()
    {
        using var data = new MonthlyIncidents(new Dictionary<string, int>());
        var events = TenDaysAMonth(stopAfter: new DateOnly(2025, 1, 1));
        var commitment = Samples.Commitment("2025-01-15", baseline: 12, after: 12, metric: IndicatorMetric.DaysClosed, crossing: "torkham");

        var result = new CommitmentEvaluator(data.Store, Scopes.Bundled, events, Today).Evaluate(commitment);

        Assert.All(result.Before, v => Assert.Equal(10, v.Value));   // January – December 2024
        Assert.All(result.After, v => Assert.Equal(0, v.Value));     // February 2025 – January 2026
        Assert.Equal(12, result.After.Count);
        Assert.Equal(EvaluationMethod.InterruptedTimeSeries, result.Method);
        Assert.Equal(OutcomeVerdict.Improved, result.Verdict);
        Assert.Null(result.Rates);   // days are not independent events: no Poisson test
    }

    [Fact]
    public void Days_closed_over_windows_too_short_for_the_time_series_are_too_little_data()
    {
        using var data = new MonthlyIncidents(new Dictionary<string, int>());
        var events = TenDaysAMonth(stopAfter: new DateOnly(2025, 1, 1));
        var commitment = Samples.Commitment("2025-01-15", baseline: 4, after: 4, metric: IndicatorMetric.DaysClosed, crossing: "torkham");

        var result = new CommitmentEvaluator(data.Store, Scopes.Bundled, events, Today).Evaluate(commitment);

        Assert.Equal(OutcomeVerdict.TooEarly, result.Verdict);
        Assert.Equal([10, 10, 10, 10], result.Before.Select(v => v.Value));
        Assert.Contains("judged only by the interrupted time series", result.Reason, StringComparison.Ordinal);
    }
}
