using Vigil.Accountability.Border;
using Vigil.Accountability.Evaluation;
using Vigil.Accountability.Scorecards;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;

namespace Vigil.Accountability.Views;

/// <summary>
/// The shapes the command line's --json and the API write: plain records with periods as their labels,
/// so both give the same JSON for the same thing.
/// </summary>
public sealed record ValueView(string Period, long Value);

public sealed record EvaluationView(
    string Commitment, string Indicator, IndicatorMetric Metric, string Unit, ProgressDirection Direction,
    IReadOnlyList<ValueView> Before, IReadOnlyList<ValueView> After, long BeforeTotal, long AfterTotal,
    double? RateBefore, double? RateAfter, double? RateRatio, double? RateRatioLow, double? RateRatioHigh, double? RateTestP,
    ItsResult? TimeSeries, EvaluationMethod Method, OutcomeVerdict Verdict, string VerdictText, string Reason, DateOnly? DataEnd)
{
    /// <summary>The datasets the indicator was counted in (empty for days closed).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    public static EvaluationView Of(CommitmentEvaluation e) => new(
        e.CommitmentKey, e.Indicator.Name, e.Indicator.Metric, Domain.Time.Period.UnitName(e.Indicator.Unit), e.Indicator.Direction,
        e.Before.Select(v => new ValueView(v.Period.Label, v.Value)).ToList(), e.After.Select(v => new ValueView(v.Period.Label, v.Value)).ToList(),
        e.BeforeTotal, e.AfterTotal, e.Rates?.RateBefore, e.Rates?.RateAfter, e.Rates?.RateRatio, e.Rates?.RatioLow, e.Rates?.RatioHigh, e.Rates?.PValue,
        e.TimeSeries, e.Method, e.Verdict, Verdicts.Describe(e.Verdict), e.Reason, e.DataEnd)
    {
        Datasets = e.Datasets,
    };
}

public sealed record ScorecardLineView(string Commitment, DateOnly MadeOn, string Words, bool Sample, int? Score, string? ScoreText,
    DateOnly? ScoredOn, OutcomeVerdict Verdict, string VerdictText, string Reason, string? Disagreement);

public sealed record ScorecardView(string Party, int Commitments, double? PercentImplemented, int Unscored,
    int Improved, int NoMeasurableChange, int Worsened, int TooEarly, int Disagreements, IReadOnlyList<ScorecardLineView> Lines)
{
    public static ScorecardView Of(PartyScorecard card) => new(card.Party, card.Lines.Count, card.PercentImplemented, card.Unscored,
        card.Count(OutcomeVerdict.Improved), card.Count(OutcomeVerdict.NoMeasurableChange), card.Count(OutcomeVerdict.Worsened),
        card.Count(OutcomeVerdict.TooEarly), card.Disagreements,
        card.Lines.Select(l => new ScorecardLineView(l.Commitment.Key, l.Commitment.MadeOn, l.Commitment.Words, l.Commitment.Sample,
            l.Score?.Score, l.Score is { } s ? ImplementationScore.Label(s.Score) : null, l.Score?.AssessedOn,
            l.Evaluation.Verdict, Verdicts.Describe(l.Evaluation.Verdict), l.Evaluation.Reason, l.Disagreement)).ToList());
}

public sealed record EpisodeView(DateOnly Start, DateOnly? End, int Days, bool Ongoing, string? Reason)
{
    public static EpisodeView Of(ClosureEpisode e) => new(e.Start, e.End, e.Days, e.Ongoing, e.Reason);
}

public sealed record CrossingStatusView(
    string Key, string Name, string? PakistanName, string? AfghanistanName, string? Region, double Latitude, double Longitude, string Type,
    CrossingStatus? Status, DateOnly? Since, string? StatusReason, bool? StatusIsSample, DateOnly Today,
    int Closures, EpisodeView? Longest, IReadOnlyList<EpisodeView> Episodes, IReadOnlyList<ValueView> DaysClosedByMonth,
    IReadOnlyDictionary<string, int> ClosuresPerYear)
{
    public static CrossingStatusView Of(CrossingReport r) => new(
        r.Crossing.Key, r.Crossing.Name, r.Crossing.PakistanName, r.Crossing.AfghanistanName, r.Crossing.Region, r.Crossing.Latitude, r.Crossing.Longitude,
        r.Crossing.Type, r.Current?.Status, r.Current?.From, r.Current?.Reason, r.Current?.Sample, r.Today,
        r.Episodes.Count, r.Longest is { } l ? EpisodeView.Of(l) : null, r.Episodes.Select(EpisodeView.Of).ToList(),
        r.DaysClosedByMonth.Select(m => new ValueView(m.Month.Label, m.DaysClosed)).ToList(),
        r.ClosuresPerYear.ToDictionary(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y => y.Closures));
}
