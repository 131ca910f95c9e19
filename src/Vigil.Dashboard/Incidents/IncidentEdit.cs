using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Normalization;

namespace Vigil.Dashboard.Incidents;

/// <summary>
/// Applies an edit form to the incident it was loaded from, through the one translator
/// (<see cref="IncidentEdits"/>). Only the fields the analyst changed are passed, so a save never rewrites what
/// the form cannot show (the source's precision codes, raw target type) and a revision lists exactly what was
/// edited. Every bad value raises a <see cref="FieldException"/> naming its form field (the form's fields are
/// named as the translator's).
/// </summary>
internal static class IncidentEdit
{
    /// <exception cref="FieldException">A value that cannot be accepted, with its form field.</exception>
    public static Incident Apply(Incident current, IncidentForm form, IReadOnlySet<string> changed, IncidentNormalizer normalizer)
    {
        var values = changed.Where(IncidentEdits.Fields.Contains).ToDictionary(name => name, name => (string?)form[name], StringComparer.Ordinal);
        var i = IncidentEdits.Apply(current, values);
        if (changed.Contains("sources"))
            i = i with { Sources = [.. form.Sources.Select((row, k) => IncidentEdits.Source(k + 1, row.Name, row.Published, row.Headline, row.Url))] };

        // Normalise again (places, actors, casualty flags) from the values the source — or now the analyst — gave.
        return normalizer.Normalize(i with { Flags = current.Flags & QualityFlagSets.FromSource });
    }
}
