using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;

namespace Vigil.Server.Api;

/// <summary>
/// What a client sends to create or replace an incident. Places and actors are given as the source says
/// them (admin1, admin2, perpetrator, target); Vigil normalises them and keeps both. Every bad value is
/// reported with its field name.
/// </summary>
public sealed record IncidentInput(
    DateOnly? DateStart, DateOnly? DateEnd, string? DatePrecision,
    string? Country, string? Admin1, string? Admin2, string? Location,
    double? Latitude, double? Longitude, string? GeoPrecision,
    string? EventType, string? EventSubtype,
    string? Perpetrator, string? Target, string? TargetType, string? Attribution,
    CasualtyInput? Killed, CasualtyInput? Injured, BreakdownResource? KilledBreakdown, bool? PerpetratorsIncluded,
    IReadOnlyList<SourceResource>? Sources, string? Notes)
{
    /// <exception cref="FieldException">A value that cannot be accepted, with its field.</exception>
    public Incident ToIncident()
    {
        var start = DateStart ?? throw new FieldException("date_start", "is required");
        var end = DateEnd ?? start;
        if (IncidentDate.Problem(start, end) is { } dateProblem)
            throw new FieldException(end < start ? "date_end" : "date_start", dateProblem);
        if (Place.CoordinateProblem(Latitude, Longitude) is { } coordinates)
            throw new FieldException(Place.CoordinateField(Latitude, Longitude), coordinates);
        return new Incident
        {
            Date = new IncidentDate(start, end, Enum<DatePrecision>(DatePrecision, "date_precision") ?? Domain.Incidents.DatePrecision.Day),
            Place = new Place
            {
                Country = Country ?? "Pakistan",
                Admin1Raw = Admin1,
                Admin2Raw = Admin2,
                Location = Location,
                Latitude = Latitude,
                Longitude = Longitude,
                GeoPrecision = Enum<GeoPrecision>(GeoPrecision, "geo_precision") ?? (Latitude is null ? Domain.Incidents.GeoPrecision.Unknown : Domain.Incidents.GeoPrecision.Exact),
            },
            EventType = Enum<EventType>(EventType, "event_type") ?? throw new FieldException("event_type", $"is required: one of {string.Join(", ", EnumText<EventType>.All)}"),
            EventSubtype = EventSubtype,
            SourceEventType = "entered by hand",
            Perpetrator = string.IsNullOrWhiteSpace(Perpetrator) ? null : new ActorRef(null, Perpetrator.Trim()),
            Target = string.IsNullOrWhiteSpace(Target) ? null : new ActorRef(null, Target.Trim()),
            TargetType = Enum<TargetType>(TargetType, "target_type"),
            Attribution = Enum<AttributionCertainty>(Attribution, "attribution"),
            Killed = Casualties(Killed, "killed"),
            Injured = Casualties(Injured, "injured"),
            KilledBreakdown = KilledBreakdown is { } b && new CasualtyBreakdown(b.SecurityForces, b.Civilians, b.Militants, b.Unknown) is { IsEmpty: false } k
                ? Check(k) : null,
            PerpetratorsIncluded = PerpetratorsIncluded,
            Sources = [.. (Sources ?? []).Select(s => new SourceReference(s.Name, s.Published, s.Headline, s.Url))],
            Notes = Notes,
        };
    }

    private static CasualtyCount Casualties(CasualtyInput? c, string field)
    {
        if (c is null)
            return CasualtyCount.Unknown;
        foreach (var (value, part) in new[] { (c.Low, "low"), (c.Best, "best"), (c.High, "high") })
        {
            if (value is < 0)
                throw new FieldException($"{field}.{part}", $"{value} is negative; a count cannot be");
        }
        return new CasualtyCount(c.Low, c.Best, c.High, c.Phrase, c.Rule ?? "entered by hand");
    }

    private static CasualtyBreakdown Check(CasualtyBreakdown b)
    {
        foreach (var (value, part) in new[] { (b.SecurityForces, "security_forces"), (b.Civilians, "civilians"), (b.Militants, "militants"), (b.Unknown, "unknown") })
        {
            if (value is < 0)
                throw new FieldException($"killed_breakdown.{part}", $"{value} is negative; a count cannot be");
        }
        return b;
    }

    private static T? Enum<T>(string? text, string field) where T : struct, System.Enum =>
        text is null ? null
        : EnumText<T>.TryParse(text, out var value) ? value
        : throw new FieldException(field, $"'{text}' is not one of: {string.Join(", ", EnumText<T>.All)}");
}

public sealed record CasualtyInput(int? Low, int? Best, int? High, string? Phrase, string? Rule);
