namespace Vigil.Domain.Accountability;

/// <summary>
/// An analyst's judgement of how far a commitment has been implemented, on the Peace Accords Matrix's
/// ordinal scale: 0 not initiated, 1 minimal, 2 intermediate, 3 full. A commitment keeps every score it was
/// given, so its history shows when the judgement changed and on what evidence.
/// </summary>
public sealed record ImplementationScore
{
    public const int Full = 3;

    public required DateOnly AssessedOn { get; init; }
    public required int Score { get; init; }
    public required string Evidence { get; init; }
    public string? Analyst { get; init; }
    public Citation? Source { get; init; }

    public static string Label(int score) => score switch
    {
        0 => "not initiated",
        1 => "minimal",
        2 => "intermediate",
        3 => "full",
        _ => "invalid",
    };

    public (string Field, string Problem)? Problem() =>
        Score is < 0 or > Full ? ("score", $"{Score} is not on the 0-3 scale (0 not initiated, 1 minimal, 2 intermediate, 3 full)")
        : string.IsNullOrWhiteSpace(Evidence) ? ("evidence", "is required: say what the score rests on")
        : null;
}
