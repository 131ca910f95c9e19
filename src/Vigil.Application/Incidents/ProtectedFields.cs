using Vigil.Domain.Incidents;

namespace Vigil.Application.Incidents;

/// <summary>
/// What no editor may change, through the API or the dashboard: where the record came from (its dataset and record
/// id), the source's own event type, and the quality flags the source's values raised. The one statement of the rule.
/// </summary>
public static class ProtectedFields
{
    public static Incident Keep(Incident current, Incident edited) => edited with
    {
        Id = current.Id,
        SourceRecord = current.SourceRecord,
        SourceEventType = current.SourceEventType,
        Flags = (edited.Flags & ~QualityFlagSets.FromSource) | (current.Flags & QualityFlagSets.FromSource),
    };
}
