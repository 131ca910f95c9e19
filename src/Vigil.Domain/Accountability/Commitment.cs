namespace Vigil.Domain.Accountability;

/// <summary>
/// A promise made in an engagement: who made it to whom, in which words (with the source), what kind of
/// promise, by when, and the <see cref="Indicator"/> whose values judge it by results. <see cref="MadeOn"/> is
/// the day that divides the indicator's "before" from its "after". <see cref="Scores"/> is the analysts'
/// judged implementation over time, oldest first.
/// </summary>
public sealed record Commitment
{
    public required string Key { get; init; }
    public required string EngagementKey { get; init; }
    public required DateOnly MadeOn { get; init; }
    public required string MadeBy { get; init; }
    public string? MadeTo { get; init; }
    public required string Words { get; init; }
    public Citation? Source { get; init; }
    /// <summary>For example act-against-group, border-management, trade, extradition.</summary>
    public string? Category { get; init; }
    public DateOnly? Deadline { get; init; }
    public required Indicator Indicator { get; init; }
    public IReadOnlyList<ImplementationScore> Scores { get; init; } = [];
    public bool Sample { get; init; }

    /// <summary>The latest judged score (by assessment date), or null when never scored.</summary>
    public ImplementationScore? LatestScore => Scores.OrderBy(s => s.AssessedOn).LastOrDefault();

    public (string Field, string Problem)? Problem() =>
        string.IsNullOrWhiteSpace(Key) ? ("key", "is required")
        : string.IsNullOrWhiteSpace(EngagementKey) ? ("engagement", "is required")
        : string.IsNullOrWhiteSpace(MadeBy) ? ("made_by", "is required")
        : string.IsNullOrWhiteSpace(Words) ? ("words", "is required")
        : Deadline is { } d && d < MadeOn ? ("deadline", $"{d:yyyy-MM-dd} is before the commitment was made ({MadeOn:yyyy-MM-dd})")
        : Indicator.Problem() is { } p ? ("indicator." + p.Field, p.Problem)
        : null;
}
