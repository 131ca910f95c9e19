using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Domain.Incidents;

/// <summary>
/// Builds an incident from the flat text form of <see cref="IncidentFields"/> (Vigil's own CSV and JSON).
/// Every bad value raises a <see cref="FieldException"/> naming the field.
/// </summary>
public static class IncidentFieldParser
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

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
            EventType = Enum<EventType>(get, "event_type") ?? throw new FieldException("event_type", "is required"),
            EventSubtype = get("event_subtype"),
            SourceEventType = get("source_event_type"),
            Perpetrator = Actor(get("perpetrator"), get("perpetrator_raw")),
            Target = Actor(get("target"), get("target_raw")),
            TargetType = Enum<TargetType>(get, "target_type"),
            TargetTypeRaw = get("target_type_raw"),
            Attribution = Enum<AttributionCertainty>(get, "attribution"),
            Killed = Casualties(get, "killed"),
            Injured = Casualties(get, "injured"),
            KilledBreakdown = breakdown.IsEmpty ? null : breakdown,
            PerpetratorsIncluded = Bool(get, "perpetrators_included"),
            Notes = get("notes"),
            Flags = Guard("quality_flags", () => FlagsText.Parse(get("quality_flags"))),
            Sources = Guard("sources", () => SourcesJson.Parse(get("sources"))),
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

    /// <summary>A casualty count: a whole number, zero or more.</summary>
    public static int? Count(Func<string, string?> get, string field)
    {
        var text = get(field);
        if (text is null)
            return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, Inv, out var value))
            throw new FieldException(field, CountText.Problem(text, Clip(text)));
        if (value < 0)
            throw new FieldException(field, $"{value} is negative; a count cannot be");
        return value;
    }

    private static long? Long(Func<string, string?> get, string field)
    {
        var text = get(field);
        if (text is null)
            return null;
        return long.TryParse(text, NumberStyles.Integer, Inv, out var value) && value > 0
            ? value
            : throw new FieldException(field, $"'{Clip(text)}' is not a positive whole number");
    }

    private static double? Real(Func<string, string?> get, string field)
    {
        var text = get(field);
        if (text is null)
            return null;
        return double.TryParse(text, NumberStyles.Float, Inv, out var value) && double.IsFinite(value)
            ? value
            : throw new FieldException(field, $"'{Clip(text)}' is not a number");
    }

    private static DateOnly? Date(Func<string, string?> get, string field)
    {
        var text = get(field);
        if (text is null)
            return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var value)
            ? value
            : throw new FieldException(field, $"'{Clip(text)}' is not a date in the form YYYY-MM-DD");
    }

    private static DateTimeOffset? Stamp(Func<string, string?> get, string field)
    {
        var text = get(field);
        if (text is null)
            return null;
        return DateTimeOffset.TryParse(text, Inv, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new FieldException(field, $"'{Clip(text)}' is not a timestamp");
    }

    private static bool? Bool(Func<string, string?> get, string field) => get(field)?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        var other => throw new FieldException(field, $"'{Clip(other)}' is not true or false"),
    };

    private static T? Enum<T>(Func<string, string?> get, string field) where T : struct, System.Enum
    {
        var text = get(field);
        if (text is null)
            return null;
        return EnumText<T>.TryParse(text, out var value)
            ? value
            : throw new FieldException(field, $"'{Clip(text)}' is not one of: {string.Join(", ", EnumText<T>.All)}");
    }

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

    /// <summary>A value shortened for an error message.</summary>
    public static string Clip(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
