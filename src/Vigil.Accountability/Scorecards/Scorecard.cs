using Vigil.Accountability.Evaluation;
using Vigil.Domain.Accountability;

namespace Vigil.Accountability.Scorecards;

/// <summary>One commitment on a scorecard: its latest judged score beside its measured verdict.</summary>
public sealed record ScorecardLine(Commitment Commitment, ImplementationScore? Score, CommitmentEvaluation Evaluation)
{
    /// <summary>
    /// Where judgement and measurement disagree: judged intermediate or full (2–3) while the outcome did not
    /// improve (no measurable change or worsened), or judged none or minimal (0–1) while the outcome improved.
    /// Null when they agree or one side has nothing to say (no score, too early).
    /// </summary>
    public string? Disagreement => (Score?.Score, Evaluation.Verdict) switch
    {
        ( >= 2, OutcomeVerdict.Worsened) => "judged implemented, but the outcome worsened",
        ( >= 2, OutcomeVerdict.NoMeasurableChange) => "judged implemented, but no measurable change in the outcome",
        ( <= 1, OutcomeVerdict.Improved) => "judged not implemented, yet the outcome improved",
        _ => null,
    };
}

/// <summary>
/// One party's commitments. <see cref="PercentImplemented"/> aggregates as the Peace Accords Matrix does:
/// the sum of the latest scores over 3 × the number of scored commitments (unscored ones are left out and
/// counted in <see cref="Unscored"/>; null when none is scored). The measured view counts verdicts.
/// </summary>
public sealed record PartyScorecard(string Party, IReadOnlyList<ScorecardLine> Lines)
{
    public int Unscored => Lines.Count(l => l.Score is null);

    public double? PercentImplemented
    {
        get
        {
            var scored = Lines.Where(l => l.Score is not null).ToList();
            return scored.Count == 0 ? null : 100.0 * scored.Sum(l => l.Score!.Score) / (ImplementationScore.Full * scored.Count);
        }
    }

    public int Count(OutcomeVerdict verdict) => Lines.Count(l => l.Evaluation.Verdict == verdict);

    public int Disagreements => Lines.Count(l => l.Disagreement is not null);

    /// <summary>Builds a scorecard per party that made commitments, parties in name order.</summary>
    public static IReadOnlyList<PartyScorecard> Build(IEnumerable<Commitment> commitments, Func<Commitment, CommitmentEvaluation> evaluate) =>
        commitments.GroupBy(c => c.MadeBy, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PartyScorecard(g.First().MadeBy,
                g.OrderBy(c => c.MadeOn).ThenBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => new ScorecardLine(c, c.LatestScore, evaluate(c))).ToList()))
            .ToList();
}
