using Vigil.Domain.Time;

namespace Vigil.Accountability.Evaluation;

/// <summary>The indicator's value in one period.</summary>
public sealed record IndicatorValue(Period Period, long Value);
