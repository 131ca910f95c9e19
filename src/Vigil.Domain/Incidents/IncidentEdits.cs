using Vigil.Domain.Errors;

namespace Vigil.Domain.Incidents;

/// <summary>
/// The one translator of typed field values into an incident, for the edits a person makes: the API's body, the
/// dashboard's edit form, <c>review accept --set</c>. The values are named as Vigil's own files name their
/// columns (<see cref="Fields"/>); only the named fields change, the rest of <c>current</c> stands. Places and
/// actors are taken as typed (the raw names); the caller normalises them afterwards, as an import does.
/// Every value is read by <see cref="FieldValues"/>, so a bad one is refused with its field, worded as
/// everywhere else.
/// </summary>
public static class IncidentEdits
{
    /// <summary>The fields an edit may name.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "date_start", "date_end", "date_precision", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
        "event_type", "event_subtype", "category", "suicide", "weapon", "perpetrator", "target", "target_type", "attribution",
        "state_forces", "armed_group", "other_party",
        "killed_low", "killed_best", "killed_high", "killed_phrase", "killed_rule",
        "injured_low", "injured_best", "injured_high", "injured_phrase", "injured_rule",
        "killed_security_forces", "killed_civilians", "killed_militants", "killed_unknown", "perpetrators_included", "notes",
        "grade_override", "grade_reason",
    ];

    /// <summary>The rule of casualty figures typed in without naming one: they no longer come from the source's rule.</summary>
    public const string HandRule = "edited by hand";

    private static readonly HashSet<string> Known = [.. Fields];

    /// <summary>
    /// <paramref name="current"/> with the named fields set from their text (blank = not known). A single-day
    /// date moves whole when only its start is given; typed casualty figures take <see cref="HandRule"/> unless
    /// a rule is given too; a place or target type typed by hand drops the source's raw code for it.
    /// </summary>
    /// <exception cref="FieldException">An unknown field, or a value that cannot be accepted, with its field.</exception>
    public static Incident Apply(Incident current, IReadOnlyDictionary<string, string?> values)
    {
        foreach (var name in values.Keys)
        {
            if (!Known.Contains(name))
                throw new FieldException(name, $"cannot be edited; one of: {string.Join(", ", Fields)}");
        }
        bool Has(string name) => values.ContainsKey(name);
        string? Get(string name) => values.GetValueOrDefault(name);
        var i = current;

        if (Has("date_start") || Has("date_end") || Has("date_precision"))
            i = i with { Date = Date(current.Date, Has, Get) };
        if (Has("country") || Has("admin1") || Has("admin2") || Has("location") || Has("latitude") || Has("longitude") || Has("geo_precision"))
            i = i with { Place = Place(current.Place, Has, Get) };
        if (Has("event_type"))
            i = i with { EventType = FieldValues.Enum<EventType>("event_type", Get("event_type")) ?? throw new FieldException("event_type", $"is required: one of {string.Join(", ", Text.EnumText<EventType>.All)}") };
        if (Has("event_subtype"))
            i = i with { EventSubtype = FieldValues.Text(Get("event_subtype")) };
        if (Has("perpetrator"))
            i = i with { Perpetrator = Actor(Get("perpetrator")) };
        if (Has("target"))
            i = i with { Target = Actor(Get("target")) };
        if (Has("state_forces"))
            i = i with { StateForces = Actor(Get("state_forces")) };
        if (Has("armed_group"))
            i = i with { ArmedGroup = Actor(Get("armed_group")) };
        if (Has("other_party"))
            i = i with { OtherParty = Actor(Get("other_party")) };
        if (Has("category"))
            i = i with { Category = FieldValues.Enum<EventCategory>("category", Get("category")) ?? throw new FieldException("category", $"is required: one of {string.Join(", ", Text.EnumText<EventCategory>.All)}") };
        if (Has("suicide"))
            i = i with { Suicide = FieldValues.Bool("suicide", Get("suicide")) };
        if (Has("weapon"))
            i = i with { Weapon = FieldValues.Enum<Weapon>("weapon", Get("weapon")) };
        if (Has("target_type"))
            i = i with { TargetType = FieldValues.Enum<TargetType>("target_type", Get("target_type")), TargetTypeRaw = null };
        if (Has("attribution"))
            i = i with { Attribution = FieldValues.Enum<AttributionCertainty>("attribution", Get("attribution")) };
        if (Casualties(current.Killed, "killed", Has, Get) is { } killed)
            i = i with { Killed = killed };
        if (Casualties(current.Injured, "injured", Has, Get) is { } injured)
            i = i with { Injured = injured };
        if (Has("killed_security_forces") || Has("killed_civilians") || Has("killed_militants") || Has("killed_unknown"))
            i = i with { KilledBreakdown = Breakdown(current.KilledBreakdown ?? new CasualtyBreakdown(null, null, null, null), Has, Get) };
        if (Has("perpetrators_included"))
            i = i with { PerpetratorsIncluded = FieldValues.Bool("perpetrators_included", Get("perpetrators_included")) };
        if (Has("notes"))
            i = i with { Notes = FieldValues.Text(Get("notes")) };
        if (Has("grade_override"))
            i = i with { GradeOverride = FieldValues.Enum<Sources.IncidentGrade>("grade_override", Get("grade_override")) };
        if (Has("grade_reason"))
            i = i with { GradeReason = FieldValues.Text(Get("grade_reason")) };
        // An analyst's grade stands over the derived one only with the reason for it (docs/method.md, "Sources and grades").
        if (i.GradeOverride is not null && i.GradeReason is null)
            throw new FieldException("grade_reason", "an analyst's grade needs its reason");
        if (i.GradeOverride is null)
            i = i with { GradeReason = null };
        return i;
    }

    /// <summary>A source as typed: a publication date and a web address checked, blanks dropped; the field names which source.</summary>
    /// <exception cref="FieldException">A bad date or address, naming <c>source_published</c> or <c>source_url</c>.</exception>
    public static SourceReference Source(int number, string? name, string? published, string? headline, string? url)
    {
        try
        {
            return new SourceReference(FieldValues.Text(name), FieldValues.Date("source_published", published), FieldValues.Text(headline), FieldValues.Url("source_url", url));
        }
        catch (FieldException e)
        {
            throw new FieldException(e.Field, $"source {number}: {e.Problem}");
        }
    }

    private static IncidentDate Date(IncidentDate current, Func<string, bool> has, Func<string, string?> get)
    {
        var start = has("date_start") ? FieldValues.Date("date_start", get("date_start")) ?? throw new FieldException("date_start", "is required (YYYY-MM-DD)") : current.Start;
        // A blank end is a single day; an end not given stays, unless the incident was a single day, which moves whole.
        var end = has("date_end") ? FieldValues.Date("date_end", get("date_end")) ?? start
            : current.End == current.Start ? start : current.End;
        if (IncidentDate.Problem(start, end) is { } problem)
            throw new FieldException(end < start ? "date_end" : "date_start", problem);
        var precision = has("date_precision") ? FieldValues.Enum<DatePrecision>("date_precision", get("date_precision")) ?? DatePrecision.Day : current.Precision;
        return new IncidentDate(start, end, precision);
    }

    private static Place Place(Place current, Func<string, bool> has, Func<string, string?> get)
    {
        var lat = has("latitude") ? FieldValues.Degrees("latitude", get("latitude")) : current.Latitude;
        var lon = has("longitude") ? FieldValues.Degrees("longitude", get("longitude")) : current.Longitude;
        if (Incidents.Place.CoordinateProblem(lat, lon) is { } problem)
            throw new FieldException(Incidents.Place.CoordinateField(lat, lon), problem);
        var pointMoved = has("latitude") || has("longitude") || has("geo_precision");
        return current with
        {
            Country = has("country") ? FieldValues.Text(get("country")) : current.Country,
            Admin1Raw = has("admin1") ? FieldValues.Text(get("admin1")) : current.Admin1Raw,
            Admin2Raw = has("admin2") ? FieldValues.Text(get("admin2")) : current.Admin2Raw,
            Location = has("location") ? FieldValues.Text(get("location")) : current.Location,
            Latitude = lat,
            Longitude = lon,
            GeoPrecision = has("geo_precision") ? FieldValues.Enum<GeoPrecision>("geo_precision", get("geo_precision")) ?? GeoPrecision.Unknown : current.GeoPrecision,
            // A point placed by hand is no longer what the source's precision code described.
            GeoPrecisionRaw = pointMoved ? null : current.GeoPrecisionRaw,
        };
    }

    private static CasualtyCount? Casualties(CasualtyCount current, string prefix, Func<string, bool> has, Func<string, string?> get)
    {
        var numbers = has(prefix + "_low") || has(prefix + "_best") || has(prefix + "_high");
        if (!numbers && !has(prefix + "_phrase") && !has(prefix + "_rule"))
            return null;
        int? Number(string part, int? was) => has(prefix + part) ? FieldValues.Count(prefix + part, get(prefix + part)) : was;
        var rule = has(prefix + "_rule") ? FieldValues.Text(get(prefix + "_rule")) : numbers ? HandRule : current.Rule;
        return new CasualtyCount(Number("_low", current.Low), Number("_best", current.Best), Number("_high", current.High),
            has(prefix + "_phrase") ? FieldValues.Text(get(prefix + "_phrase")) : current.Phrase, rule);
    }

    private static CasualtyBreakdown? Breakdown(CasualtyBreakdown current, Func<string, bool> has, Func<string, string?> get)
    {
        int? Part(string name, int? was) => has(name) ? FieldValues.Count(name, get(name)) : was;
        var b = new CasualtyBreakdown(Part("killed_security_forces", current.SecurityForces), Part("killed_civilians", current.Civilians),
            Part("killed_militants", current.Militants), Part("killed_unknown", current.Unknown));
        return b.IsEmpty ? null : b;
    }

    private static ActorRef? Actor(string? text) => FieldValues.Text(text) is { } raw ? new ActorRef(null, raw) : null;
}
