using System.Collections.Frozen;
using System.Globalization;
using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Export;

/// <summary>What a field of <see cref="IncidentFields"/> holds, as the typed exports (JSON, GeoJSON, XLSX, Parquet) write it.</summary>
public enum ColumnKind
{
    /// <summary>Text, codes included (<c>event_type</c>, <c>quality_flags</c>).</summary>
    Text,

    /// <summary>A whole number that fits 32 bits: the counts and <c>revision</c>. Null is unknown, never 0.</summary>
    Integer,

    /// <summary>The incident's id, 64 bits.</summary>
    Identifier,

    /// <summary>A coordinate in decimal degrees.</summary>
    Real,

    /// <summary>A calendar day (<c>date_start</c>, <c>date_end</c>), no time and no zone.</summary>
    Date,

    /// <summary>An instant in UTC, to the millisecond (<c>created_at</c>, <c>updated_at</c>, <c>deleted_at</c>).</summary>
    Timestamp,

    /// <summary>Yes or no (<c>suicide</c>, <c>perpetrators_included</c>). Null is unknown.</summary>
    Boolean,

    /// <summary>JSON text (<c>sources</c>, an array of objects).</summary>
    Json,
}

/// <summary>
/// The kind of each exported field and its value read back from the field's text (<see cref="IncidentFields"/> is the
/// one place that turns an incident into fields; the typed exports parse its invariant text, so every format agrees).
/// </summary>
public static class ExportColumns
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly FrozenDictionary<string, ColumnKind> Kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal)
    {
        ["id"] = ColumnKind.Identifier,
        ["revision"] = ColumnKind.Integer,
        ["date_start"] = ColumnKind.Date,
        ["date_end"] = ColumnKind.Date,
        ["latitude"] = ColumnKind.Real,
        ["longitude"] = ColumnKind.Real,
        ["suicide"] = ColumnKind.Boolean,
        ["killed_low"] = ColumnKind.Integer,
        ["killed_best"] = ColumnKind.Integer,
        ["killed_high"] = ColumnKind.Integer,
        ["injured_low"] = ColumnKind.Integer,
        ["injured_best"] = ColumnKind.Integer,
        ["injured_high"] = ColumnKind.Integer,
        ["killed_security_forces"] = ColumnKind.Integer,
        ["killed_civilians"] = ColumnKind.Integer,
        ["killed_militants"] = ColumnKind.Integer,
        ["killed_unknown"] = ColumnKind.Integer,
        ["perpetrators_included"] = ColumnKind.Boolean,
        ["sources"] = ColumnKind.Json,
        ["created_at"] = ColumnKind.Timestamp,
        ["updated_at"] = ColumnKind.Timestamp,
        ["deleted_at"] = ColumnKind.Timestamp,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The kind of a field of <see cref="IncidentFields"/>; a field not listed is text.</summary>
    public static ColumnKind KindOf(string field) => Kinds.GetValueOrDefault(field, ColumnKind.Text);

    public static int Integer(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, Inv);

    public static long Identifier(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, Inv);

    public static double Real(string text) => double.Parse(text, NumberStyles.Float, Inv);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", Inv);

    /// <summary>The instant, as a UTC <see cref="DateTime"/>.</summary>
    public static DateTime Timestamp(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static bool Boolean(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"'{text}' is not true or false"),
    };
}
