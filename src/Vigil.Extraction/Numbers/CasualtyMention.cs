using Vigil.Domain.Incidents;

namespace Vigil.Extraction.Numbers;

/// <summary>
/// One casualty phrase found in a text: killed or injured, the range, the raw phrase and its character span,
/// the rule that produced the numbers, and whether it revises an earlier figure ("the death toll rose to 59").
/// <see cref="Value"/> and <see cref="Qualifier"/> keep the number as stated, for claims. <see cref="Groups"/> gives the breakdown when the phrase names who ("three soldiers and two civilians").
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
    public CasualtyCount ToCount() => new(Clamp(Low), Clamp(Best), Clamp(High), Phrase, Rule);

    private static int? Clamp(long? v) => v is null ? null : (int)Math.Min(v.Value, int.MaxValue);
}
