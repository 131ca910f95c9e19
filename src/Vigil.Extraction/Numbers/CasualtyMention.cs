using Vigil.Domain.Incidents;

namespace Vigil.Extraction.Numbers;

/// <summary>
/// One casualty phrase found in a text: killed or injured, the range, the raw phrase and its character span,
/// the rule that produced the numbers, and whether it revises an earlier figure ("the death toll rose to 59").
/// <see cref="Value"/> and <see cref="Qualifier"/> keep the number as stated, for claims. <see cref="Groups"/> gives the breakdown when the phrase names who ("three soldiers and two civilians").
/// A phrase that counts both victims and attackers ("32 people and 3 suicide bombers were killed") gives two
/// mentions over the same span: the victims (32) and the attackers (3, <see cref="Perpetrators"/> set).
/// </summary>
public sealed record CasualtyMention(
    CasualtyKind Kind,
    long? Low,
    long? Best,
    long? High,
    string Phrase,
    string Rule,
    int Start,
    int End,
    bool IsRevision,
    IReadOnlyList<(TargetType Group, long Count)> Groups,
    long Value = 0,
    Domain.Claims.ValueQualifier Qualifier = Domain.Claims.ValueQualifier.Exactly)
{
    /// <summary>The figure counts the attackers themselves (bombers, gunmen, "the attackers"), never the victims: it is recorded beside the toll, not in it.</summary>
    public bool Perpetrators { get; init; }

    /// <summary>The victims' figure says it includes the attackers ("12 people, including the bomber, were killed").</summary>
    public bool IncludesPerpetrators { get; init; }

    /// <summary>Who the text says gave the figure ("ISPR said", "according to police"); null when no one is named (docs/method.md, "Who gave a figure").</summary>
    public Incidents.FigureSpeaker? Speaker { get; init; }

    public CasualtyCount ToCount() => new(Clamp(Low), Clamp(Best), Clamp(High), Phrase, Rule);

    private static int? Clamp(long? v) => v is null ? null : (int)Math.Min(v.Value, int.MaxValue);
}
