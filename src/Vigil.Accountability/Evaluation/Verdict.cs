namespace Vigil.Accountability.Evaluation;

/// <summary>What the measured outcome says about a commitment.</summary>
public enum OutcomeVerdict
{
    /// <summary>The indicator moved in the direction of progress, significantly (p &lt; 0.05, two-sided).</summary>
    Improved,
    /// <summary>No significant change either way: not evidence that nothing changed, only that the data cannot tell.</summary>
    NoMeasurableChange,
    /// <summary>The indicator moved against the direction of progress, significantly.</summary>
    Worsened,
    /// <summary>Too early or too little data: a window is too short, or there were no events to compare.</summary>
    TooEarly,
}

/// <summary>Which test decided the verdict.</summary>
public enum EvaluationMethod
{
    None,
    /// <summary>The exact conditional binomial test of two Poisson rates (<see cref="PoissonRateTest"/>).</summary>
    PoissonRateTest,
    /// <summary>Segmented regression with trend (<see cref="SegmentedRegression"/>).</summary>
    InterruptedTimeSeries,
}

public static class Verdicts
{
    public static string Describe(OutcomeVerdict verdict) => verdict switch
    {
        OutcomeVerdict.Improved => "improved",
        OutcomeVerdict.NoMeasurableChange => "no measurable change",
        OutcomeVerdict.Worsened => "worsened",
        _ => "too early / too little data",
    };
}
