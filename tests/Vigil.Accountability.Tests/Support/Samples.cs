using Vigil.Domain.Accountability;
using Vigil.Domain.Time;

namespace Vigil.Accountability.Tests.Support;

public static class Samples
{
    public static Commitment Commitment(string madeOn, int baseline = 6, int after = 6, string key = "c1",
        IndicatorMetric metric = IndicatorMetric.Attacks, string? crossing = null, string madeBy = "Afghan interim government") => new()
        {
            Key = key,
            EngagementKey = "e1",
            MadeOn = DateOnly.ParseExact(madeOn, "yyyy-MM-dd"),
            MadeBy = madeBy,
            MadeTo = "Pakistan",
            Words = "will act against the TTP",
            Indicator = new Indicator
            {
                Name = "TTP attacks per month",
                Metric = metric,
                Filter = new IndicatorFilter { Perpetrators = crossing is null ? ["TTP"] : [], Crossing = crossing },
                Unit = PeriodUnit.Month,
                Direction = ProgressDirection.Decrease,
                BaselinePeriods = baseline,
                AfterPeriods = after,
            },
        };
}
