using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Domain.Incidents;

/// <summary>
/// Builds an incident from the flat text form of <see cref="IncidentFields"/> (Vigil's own CSV and JSON).
/// Every value is read by <see cref="FieldValues"/>; a bad one raises a <see cref="FieldException"/> naming the field.
/// </summary>
public static class IncidentFieldParser
{
    /// <summary>The fields a Vigil file must carry.</summary>
    public static readonly IReadOnlyList<string> Required = ["date_start", "event_type"];

    /// <param name="get">Returns a field's text, or null when it is absent or empty.</param>
    public static Incident Parse(Func<string, string?> get)
    {
        var start = Date(get, "date_start") ?? throw new FieldException("date_start", "is required");
        var end = Date(get, "date_end") ?? start;
        var precision = Enum<DatePrecision>(get, "date_precision") ?? DatePrecision.Day;
        if (IncidentDate.Problem(start, end) is { } dateProblem)
            throw new FieldException(end < start ? "date_end" : "date_start", dateProblem);

        var lat = Real(get, "latitude");
        var lon = Real(get, "longitude");
        if (Place.CoordinateProblem(lat, lon) is { } coordProblem)
            throw new FieldException(Place.CoordinateField(lat, lon), coordProblem);

        var dataset = get("dataset");
        var sourceId = get("source_id");
        if (dataset is null != sourceId is null)
            throw new FieldException(dataset is null ? "dataset" : "source_id", "dataset and source_id must be given together");

        var breakdown = new CasualtyBreakdown(
            Count(get, "killed_security_forces"), Count(get, "killed_civilians"),
            Count(get, "killed_militants"), Count(get, "killed_unknown"));

        var eventType = Enum<EventType>(get, "event_type") ?? throw new FieldException("event_type", "is required");
        return new Incident
        {
            Id = Long(get, "id") ?? 0,
            Revision = (int)(Long(get, "revision") ?? 0),
            SourceRecord = dataset is null ? null : new SourceRecordKey(dataset, sourceId!),
            Date = new IncidentDate(start, end, precision),
            Place = new Place
            {
                Country = get("country"),
                Admin1 = get("admin1"),
                Admin1Raw = get("admin1_raw"),
                Admin2 = get("admin2"),
                Admin2Raw = get("admin2_raw"),
                Location = get("location"),
                Latitude = lat,
                Longitude = lon,
                GeoPrecision = Enum<GeoPrecision>(get, "geo_precision") ?? GeoPrecision.Unknown,
                GeoPrecisionRaw = get("geo_precision_raw"),
            },
            EventType = eventType,
            EventSubtype = get("event_subtype"),
            SourceEventType = get("source_event_type"),
            Perpetrator = Actor(get("perpetrator"), get("perpetrator_raw")),
            Target = Actor(get("target"), get("target_raw")),
            TargetType = Enum<TargetType>(get, "target_type"),
            TargetTypeRaw = get("target_type_raw"),
            Attribution = Enum<AttributionCertainty>(get, "attribution"),
            Category = Enum<EventCategory>(get, "category") ?? EventCategories.FromType(eventType, EventCategories.IsStateName(get("perpetrator") ?? get("perpetrator_raw"))),
            StateForces = Actor(get("state_forces"), get("state_forces_raw")),
            ArmedGroup = Actor(get("armed_group"), get("armed_group_raw")),
            OtherParty = Actor(get("other_party"), get("other_party_raw")),
            Suicide = Bool(get, "suicide"),
            Weapon = Enum<Weapon>(get, "weapon"),
            Killed = Casualties(get, "killed"),
            Injured = Casualties(get, "injured"),
            KilledBreakdown = breakdown.IsEmpty ? null : breakdown,
            PerpetratorsIncluded = Bool(get, "perpetrators_included"),
            Notes = get("notes"),
            Flags = Guard("quality_flags", () => FlagsText.Parse(get("quality_flags"))),
            Sources = Guard("sources", () => SourcesJson.Parse(get("sources"))),
            GradeOverride = Enum<Sources.IncidentGrade>(get, "grade_override"),
            GradeReason = get("grade_reason"),
            CreatedAt = Stamp(get, "created_at") ?? default,
            UpdatedAt = Stamp(get, "updated_at") ?? default,
            DeletedAt = Stamp(get, "deleted_at"),
        };
    }

    private static ActorRef? Actor(string? name, string? raw) =>
        raw is null && name is null ? null : new ActorRef(name, raw ?? name!);

    private static CasualtyCount Casualties(Func<string, string?> get, string prefix) => new(
        Count(get, prefix + "_low"), Count(get, prefix + "_best"), Count(get, prefix + "_high"),
        get(prefix + "_phrase"), get(prefix + "_rule"));

    private static int? Count(Func<string, string?> get, string field) => FieldValues.Count(field, get(field));

    private static long? Long(Func<string, string?> get, string field) => FieldValues.Positive(field, get(field));

    private static double? Real(Func<string, string?> get, string field) => FieldValues.Degrees(field, get(field));

    private static DateOnly? Date(Func<string, string?> get, string field) => FieldValues.Date(field, get(field));

    private static DateTimeOffset? Stamp(Func<string, string?> get, string field) => FieldValues.Stamp(field, get(field));

    private static bool? Bool(Func<string, string?> get, string field) => FieldValues.Bool(field, get(field));

    private static T? Enum<T>(Func<string, string?> get, string field) where T : struct, System.Enum => FieldValues.Enum<T>(field, get(field));

    private static T Guard<T>(string field, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new FieldException(field, e.Message);
        }
    }
}
