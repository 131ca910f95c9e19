namespace Vigil.Domain.Sources;

/// <summary>
/// A source's reliability as intelligence analysts grade it (the Admiralty scale): A completely reliable, B usually
/// reliable, C fairly reliable, D not usually reliable, E unreliable, F reliability cannot be judged (the grade of a
/// source nobody has graded yet).
/// </summary>
public static class Reliability
{
    public const char Ungraded = 'F';

    public static readonly IReadOnlyList<string> Meanings =
    [
        "A completely reliable", "B usually reliable", "C fairly reliable", "D not usually reliable", "E unreliable",
        "F reliability cannot be judged",
    ];

    /// <summary>The grade as one capital letter, or null when the text is not A–F.</summary>
    public static char? Parse(string? text) =>
        text is { Length: 1 } && char.ToUpperInvariant(text[0]) is var c and >= 'A' and <= 'F' ? c : null;

    /// <summary>Whether a grade is good enough for a source to support an incident on its own (A–C).</summary>
    public static bool IsGood(char grade) => grade is >= 'A' and <= 'C';

    /// <summary>Whether a source's reports are left out of grading (E, unreliable).</summary>
    public static bool IsUnreliable(char grade) => grade == 'E';
}
