using Vigil.Domain.Incidents;

namespace Vigil.Application.Incidents;

/// <summary>
/// What no editor may change, through the API or the dashboard: where the record came from (its dataset and record
/// id), the source's own event type, the quality flags the source's values raised, and what each source said — a
/// source given again (same name and address, or same name and date) keeps its figures, registry entry, kind,
/// credibility and party claim, which the API's and the form's source rows do not carry. The one statement of the rule.
/// </summary>
public static class ProtectedFields
{
    public static Incident Keep(Incident current, Incident edited) => edited with
    {
        Id = current.Id,
        SourceRecord = current.SourceRecord,
        SourceEventType = current.SourceEventType,
        Flags = (edited.Flags & ~QualityFlagSets.FromSource) | (current.Flags & QualityFlagSets.FromSource),
        Sources = edited.Sources.IsDefaultOrEmpty || current.Sources.IsDefaultOrEmpty
            ? edited.Sources
            : [.. edited.Sources.Select(s => s.HasFigures || s.SourceKey is not null ? s : Said(s, current.Sources))],
    };

    private static SourceReference Said(SourceReference typed, IEnumerable<SourceReference> earlier) =>
        earlier.FirstOrDefault(e => e.Name == typed.Name && (e.Url == typed.Url || e.Published == typed.Published)) is { } same
            ? typed with
            {
                Killed = same.Killed,
                Injured = same.Injured,
                KilledBreakdown = same.KilledBreakdown,
                SourceKey = same.SourceKey,
                Kind = same.Kind,
                Credibility = same.Credibility,
                PartyClaim = same.PartyClaim,
            }
            : typed;
}
