using Vigil.Domain.Time;

namespace Vigil.Domain.Accountability;

/// <summary>What an indicator counts per period.</summary>
public enum IndicatorMetric
{
    /// <summary>Incidents in scope (by start date).</summary>
    Attacks,
    /// <summary>Sum of best estimates of killed.</summary>
    Killed,
    /// <summary>Sum of best estimates of injured.</summary>
    Injured,
    /// <summary>Days a crossing was closed (needs <see cref="IndicatorFilter.Crossing"/>).</summary>
    DaysClosed,
}

/// <summary>Which way the indicator has to move for the commitment to count as kept.</summary>
public enum ProgressDirection
{
    Decrease,
    Increase,
}

/// <summary>
/// The incidents an indicator counts (each list empty = no restriction; names as Vigil's filters accept
/// them), or, for <see cref="IndicatorMetric.DaysClosed"/>, the crossing.
/// </summary>
public sealed record IndicatorFilter
{
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Provinces { get; init; } = [];
    public IReadOnlyList<string> Districts { get; init; } = [];
    /// <summary>Perpetrators (any alias Vigil knows: "TTP", "Pakistani Taliban"); targets do not match.</summary>
    public IReadOnlyList<string> Perpetrators { get; init; } = [];
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public string? Crossing { get; init; }
}

/// <summary>
/// A saved statistics query that measures a commitment by its results: a metric over filtered incidents per
/// period, the direction that counts as progress, and the windows compared. The baseline is the
/// <see cref="BaselinePeriods"/> whole periods before the period in which the commitment was made; the
/// after-window starts with the period after it and runs for at most <see cref="AfterPeriods"/> periods,
/// never past the end of the data or today. The period of the commitment itself is in neither window.
/// </summary>
public sealed record Indicator
{
    public required string Name { get; init; }
    public IndicatorMetric Metric { get; init; } = IndicatorMetric.Attacks;
    public IndicatorFilter Filter { get; init; } = new();
    public PeriodUnit Unit { get; init; } = PeriodUnit.Month;
    public ProgressDirection Direction { get; init; } = ProgressDirection.Decrease;
    public int BaselinePeriods { get; init; } = 12;
    public int AfterPeriods { get; init; } = 12;

    public (string Field, string Problem)? Problem() =>
        string.IsNullOrWhiteSpace(Name) ? ("name", "is required")
        : Unit is PeriodUnit.Day ? ("unit", "days are too short to judge a commitment; use week, month, quarter or year")
        : BaselinePeriods < 1 ? ("baseline_periods", "must be at least 1")
        : AfterPeriods < 1 ? ("after_periods", "must be at least 1")
        : Metric == IndicatorMetric.DaysClosed && string.IsNullOrWhiteSpace(Filter.Crossing) ? ("filter.crossing", "days-closed needs the crossing")
        : null;
}
