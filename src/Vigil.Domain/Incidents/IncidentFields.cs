using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Domain.Incidents;

/// <summary>
/// The flat text form of an incident: one named field per value, in a fixed order. It is the column layout
/// of Vigil's own CSV, the keys of its JSON, and what revisions compare. Text forms: dates ISO 8601, numbers
/// invariant, enums kebab-case, empty for null; <c>sources</c> is a JSON array.
/// </summary>
public static class IncidentFields
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Fields that describe the record's life rather than the incident; revisions do not compare them.</summary>
    public static readonly FrozenSet<string> Bookkeeping =
        FrozenSet.ToFrozenSet(["id", "revision", "created_at", "updated_at", "deleted_at"], StringComparer.Ordinal);

    public static readonly ImmutableArray<IncidentField> All =
    [
        new("id", i => i.Id == 0 ? null : Num(i.Id)),
        new("revision", i => i.Revision == 0 ? null : Num((int?)i.Revision)),
        new("dataset", i => i.SourceRecord?.Dataset),
        new("source_id", i => i.SourceRecord?.RecordId),
        new("date_start", i => Day(i.Date.Start)),
        new("date_end", i => Day(i.Date.End)),
        new("date_precision", i => EnumText<DatePrecision>.Format(i.Date.Precision)),
        new("country", i => i.Place.Country),
        new("admin1", i => i.Place.Admin1),
        new("admin1_raw", i => i.Place.Admin1Raw),
        new("admin2", i => i.Place.Admin2),
        new("admin2_raw", i => i.Place.Admin2Raw),
        new("location", i => i.Place.Location),
        new("latitude", i => Num(i.Place.Latitude)),
        new("longitude", i => Num(i.Place.Longitude)),
        new("geo_precision", i => EnumText<GeoPrecision>.Format(i.Place.GeoPrecision)),
        new("geo_precision_raw", i => i.Place.GeoPrecisionRaw),
        new("event_type", i => EnumText<EventType>.Format(i.EventType)),
        new("event_subtype", i => i.EventSubtype),
        new("source_event_type", i => i.SourceEventType),
        new("category", i => EnumText<EventCategory>.Format(i.Category)),
        new("perpetrator", i => i.Perpetrator?.Name),
        new("perpetrator_raw", i => i.Perpetrator?.Raw),
        new("target", i => i.Target?.Name),
        new("target_raw", i => i.Target?.Raw),
        new("target_type", i => i.TargetType is { } t ? EnumText<TargetType>.Format(t) : null),
        new("target_type_raw", i => i.TargetTypeRaw),
        new("attribution", i => i.Attribution is { } a ? EnumText<AttributionCertainty>.Format(a) : null),
        new("state_forces", i => i.StateForces?.Name),
        new("state_forces_raw", i => i.StateForces?.Raw),
        new("armed_group", i => i.ArmedGroup?.Name),
        new("armed_group_raw", i => i.ArmedGroup?.Raw),
        new("other_party", i => i.OtherParty?.Name),
        new("other_party_raw", i => i.OtherParty?.Raw),
        new("suicide", i => i.Suicide is { } s ? (s ? "true" : "false") : null),
        new("weapon", i => i.Weapon is { } w ? EnumText<Weapon>.Format(w) : null),
        new("killed_low", i => Num(i.Killed.Low)),
        new("killed_best", i => Num(i.Killed.Best)),
        new("killed_high", i => Num(i.Killed.High)),
        new("killed_phrase", i => i.Killed.Phrase),
        new("killed_rule", i => i.Killed.Rule),
        new("injured_low", i => Num(i.Injured.Low)),
        new("injured_best", i => Num(i.Injured.Best)),
        new("injured_high", i => Num(i.Injured.High)),
        new("injured_phrase", i => i.Injured.Phrase),
        new("injured_rule", i => i.Injured.Rule),
        new("killed_security_forces", i => Num(i.KilledBreakdown?.SecurityForces)),
        new("killed_civilians", i => Num(i.KilledBreakdown?.Civilians)),
        new("killed_militants", i => Num(i.KilledBreakdown?.Militants)),
        new("killed_unknown", i => Num(i.KilledBreakdown?.Unknown)),
        new("perpetrators_included", i => i.PerpetratorsIncluded is { } b ? (b ? "true" : "false") : null),
        new("notes", i => i.Notes),
        new("quality_flags", i => FlagsText.Format(i.Flags)),
        new("sources", i => i.Sources.IsDefaultOrEmpty ? null : SourcesJson.Format(i.Sources)),
        new("grade_override", i => i.GradeOverride is { } g ? EnumText<Sources.IncidentGrade>.Format(g) : null),
        new("grade_reason", i => i.GradeReason),
        new("created_at", i => Stamp(i.CreatedAt)),
        new("updated_at", i => Stamp(i.UpdatedAt)),
        new("deleted_at", i => i.DeletedAt is { } d ? Stamp(d) : null),
    ];

    public static IEnumerable<string> Names => All.Select(f => f.Name);

    /// <summary>The fields whose text differs between two versions of an incident, bookkeeping excluded.</summary>
    public static IReadOnlyList<FieldChange> Diff(Incident before, Incident after)
    {
        List<FieldChange>? changes = null;
        foreach (var field in All)
        {
            if (Bookkeeping.Contains(field.Name))
                continue;
            var a = field.Get(before);
            var b = field.Get(after);
            if (!string.Equals(a, b, StringComparison.Ordinal))
                (changes ??= []).Add(new FieldChange(field.Name, a, b));
        }
        return changes ?? (IReadOnlyList<FieldChange>)[];
    }

    /// <summary>
    /// The incident as it was before <paramref name="changes"/> (one revision's field changes) were made to it:
    /// each changed field gets its value before back. Bookkeeping (id, revision, timestamps) is the current one's.
    /// </summary>
    /// <exception cref="Errors.FieldException">A field's earlier text no longer parses.</exception>
    public static Incident Revert(Incident current, IEnumerable<FieldChange> changes)
    {
        var values = All.ToDictionary(f => f.Name, f => f.Get(current), StringComparer.Ordinal);
        foreach (var change in changes)
            values[change.Field] = change.Before;
        var before = IncidentFieldParser.Parse(name => values.GetValueOrDefault(name) is { Length: > 0 } v ? v : null);
        return before with
        {
            Id = current.Id,
            Revision = current.Revision,
            CreatedAt = current.CreatedAt,
            UpdatedAt = current.UpdatedAt,
            DeletedAt = current.DeletedAt,
        };
    }

    internal static string? Num(long value) => value.ToString(Inv);
    internal static string? Num(int? value) => value?.ToString(Inv);
    internal static string? Num(double? value) => value?.ToString("R", Inv);
    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Inv);
    internal static string? Stamp(DateTimeOffset at) => at == default ? null : at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Inv);
}

/// <summary>One named field of <see cref="IncidentFields"/>.</summary>
public sealed record IncidentField(string Name, Func<Incident, string?> Get);

/// <summary>The JSON text of an incident's sources, as stored in the <c>sources</c> field.</summary>
public static class SourcesJson
{
    // A source's own figures are written as their values only (a CasualtyCount's IsUnknown is derived, not data);
    // kinds in kebab case, as everywhere else. Sources without figures keep the text they always had.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type != typeof(CasualtyCount))
                        return;
                    for (var i = info.Properties.Count - 1; i >= 0; i--)
                    {
                        if (info.Properties[i].Name == "is_unknown")
                            info.Properties.RemoveAt(i);
                    }
                },
            },
        },
    };

    public static string Format(IEnumerable<SourceReference> sources) => JsonSerializer.Serialize(sources, Options);

    /// <exception cref="FormatException">A value out of its range (a credibility of 7).</exception>
    public static ImmutableArray<SourceReference> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return [];
        try
        {
            return [.. JsonSerializer.Deserialize<SourceReference[]>(json, Options) ?? []];
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
