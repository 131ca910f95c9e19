using System.Collections.Frozen;
using System.Globalization;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// Which of an incident's fields can be put back at the column level, and how a field's text (as revisions keep it,
/// <see cref="Vigil.Domain.Incidents.IncidentFields"/>) becomes its column's value. A field is its column of the same
/// name; the text is the column's value except for numbers and yes/no. Put back this way, an incident need not be read,
/// parsed and written whole.
/// </summary>
internal static class PastColumns
{
    private static readonly FrozenSet<string> Integers = FrozenSet.ToFrozenSet(
    [
        "killed_low", "killed_best", "killed_high", "injured_low", "injured_best", "injured_high",
        "killed_security_forces", "killed_civilians", "killed_militants", "killed_unknown",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Reals = FrozenSet.ToFrozenSet(["latitude", "longitude"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> YesNo = FrozenSet.ToFrozenSet(["suicide", "perpetrators_included"], StringComparer.Ordinal);

    /// <summary>
    /// Fields that something else is derived from beyond their own column: the sources (the figures of each scope, the
    /// grade, the contest), the dataset and the grade's override (the grade). An incident with one of these changed is
    /// rebuilt whole. The bookkeeping columns are set from the revisions, not from field text.
    /// </summary>
    private static readonly FrozenSet<string> Whole = FrozenSet.ToFrozenSet(
        ["sources", "dataset", "grade_override", "revision", "created_at", "updated_at", "deleted_at"], StringComparer.Ordinal);

    /// <summary>
    /// The figure columns whose value, for an incident with no source giving a figure, the figures of all sources
    /// repeat (<see cref="Vigil.Domain.Sources.FigureRule"/>: with no party claim, all sources' figure is the incident's own).
    /// </summary>
    public static readonly FrozenDictionary<string, string> AllSourcesMirror = new Dictionary<string, string>
    {
        ["killed_low"] = "killed_low_all",
        ["killed_best"] = "killed_best_all",
        ["killed_high"] = "killed_high_all",
        ["injured_low"] = "injured_low_all",
        ["injured_best"] = "injured_best_all",
        ["injured_high"] = "injured_high_all",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Columns =
        FrozenSet.ToFrozenSet(IncidentColumns.Written.Select(c => c.Name), StringComparer.Ordinal);

    /// <summary>
    /// Whether the field is set from the revisions up to the moment rather than from its text (a deletion's revision
    /// records deleted_at as its change; <see cref="PastIncidents"/> sets it for every rebuilt row).
    /// </summary>
    public static bool FromRevisions(string field) => field == "deleted_at";

    /// <summary>Whether the field can be put back on its own column.</summary>
    public static bool IsColumnLevel(string field) => Columns.Contains(field) && !Whole.Contains(field);

    /// <summary>The column's value for the field's text; false when the text does not read as the column's type.</summary>
    public static bool TryValue(string field, string? text, out object? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (Integers.Contains(field))
        {
            var ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n);
            value = n;
            return ok;
        }
        if (Reals.Contains(field))
        {
            var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
            value = d;
            return ok;
        }
        if (YesNo.Contains(field))
        {
            value = text switch { "true" => 1, "false" => 0, _ => null };
            return value is not null;
        }
        value = text;
        return true;
    }
}
