using Vigil.Domain.Accountability;

namespace Vigil.Accountability.Evaluation;

/// <summary>
/// A commitment measured by its indicator: the values in the baseline and after-windows (only whole periods
/// the data cover), their totals, the rate comparison (count metrics), the interrupted time series (when
/// both windows have enough periods), the method that decided, the verdict and why.
/// </summary>
public sealed record CommitmentEvaluation(
    string CommitmentKey,
    Indicator Indicator,
    IReadOnlyList<IndicatorValue> Before,
    IReadOnlyList<IndicatorValue> After,
    RateComparison? Rates,
    ItsResult? TimeSeries,
    EvaluationMethod Method,
    OutcomeVerdict Verdict,
    string Reason,
    DateOnly? DataEnd)
{
    /// <summary>The datasets the indicator was counted in, in order of precedence (empty: every incident, for an evaluator given no datasets).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    public long BeforeTotal => Before.Sum(v => v.Value);
    public long AfterTotal => After.Sum(v => v.Value);
    public double? BeforeMean => Before.Count == 0 ? null : (double)BeforeTotal / Before.Count;
    public double? AfterMean => After.Count == 0 ? null : (double)AfterTotal / After.Count;
}
