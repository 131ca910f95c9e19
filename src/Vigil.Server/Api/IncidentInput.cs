using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;

namespace Vigil.Server.Api;

/// <summary>
/// What a client sends to create or replace an incident. Places and actors are given as the source says
/// them (admin1, admin2, perpetrator, target); Vigil normalises them and keeps both. Without a country, the
/// province, district or coordinates decide it (an Afghan province is in Afghanistan); with none of them it is not known. The body is read through
/// the one translator (<see cref="IncidentEdits"/>) that also reads the dashboard's form and review edits, so
/// a value is accepted or refused alike on every path; a refusal names the body's member (<c>killed.best</c>).
/// </summary>
[ApiInput]
public sealed record IncidentInput(
    DateOnly? DateStart, DateOnly? DateEnd, string? DatePrecision,
    string? Country, string? Admin1, string? Admin2, string? Location,
    double? Latitude, double? Longitude, string? GeoPrecision,
    string? EventType, string? EventSubtype,
    string? Perpetrator, string? Target, string? TargetType, string? Attribution,
    string? Category, string? StateForces, string? ArmedGroup, string? OtherParty, bool? Suicide, string? Weapon,
    CasualtyInput? Killed, CasualtyInput? Injured, BreakdownInput? KilledBreakdown, bool? PerpetratorsIncluded,
    IReadOnlyList<SourceInput>? Sources, string? Notes, string? GradeOverride = null, string? GradeReason = null)
{
    /// <summary>The rule of figures sent without one.</summary>
    public const string EnteredRule = "entered by hand";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <exception cref="FieldException">A value that cannot be accepted, with its member.</exception>
    public Incident ToIncident()
    {
        var blank = new Incident { Date = IncidentDate.OnDay(IncidentDate.Earliest), SourceEventType = EnteredRule };
        try
        {
            var incident = IncidentEdits.Apply(blank, Fields());
            return incident with
            {
                Sources = [.. (Sources ?? []).Select((s, k) => IncidentEdits.Source(k + 1, s.Name, Day(s.Published), s.Headline, s.Url))],
            };
        }
        catch (FieldException e)
        {
            throw new FieldException(Member(e.Field), e.Problem);
        }
    }

    /// <summary>Every field of the body as the translator's text (null where the body leaves it out).</summary>
    private Dictionary<string, string?> Fields()
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["date_start"] = Day(DateStart),
            ["date_end"] = Day(DateEnd),
            ["date_precision"] = DatePrecision,
            ["country"] = Country,
            ["admin1"] = Admin1,
            ["admin2"] = Admin2,
            ["location"] = Location,
            ["latitude"] = Latitude?.ToString("R", Inv),
            ["longitude"] = Longitude?.ToString("R", Inv),
            ["geo_precision"] = GeoPrecision ?? (Latitude is null ? "unknown" : "exact"),
            ["event_type"] = EventType,
            ["event_subtype"] = EventSubtype,
            ["perpetrator"] = Perpetrator,
            ["target"] = Target,
            ["target_type"] = TargetType,
            ["attribution"] = Attribution,
            ["state_forces"] = StateForces,
            ["armed_group"] = ArmedGroup,
            ["other_party"] = OtherParty,
            ["suicide"] = Suicide?.ToString(Inv),
            ["weapon"] = Weapon,
            ["perpetrators_included"] = PerpetratorsIncluded?.ToString(Inv),
            ["notes"] = Notes,
            ["grade_override"] = GradeOverride,
            ["grade_reason"] = GradeReason,
        };
        // Without a category, the rule for incidents entered by hand decides it from the type and the perpetrator.
        fields["category"] = Category ?? (FieldValues.Enum<Domain.Incidents.EventType>("event_type", EventType) is { } type
            ? EnumText<EventCategory>.Format(EventCategories.FromType(type, EventCategories.IsStateName(Perpetrator)))
            : null);
        Casualties(fields, "killed", Killed);
        Casualties(fields, "injured", Injured);
        if (KilledBreakdown is { } b)
        {
            fields["killed_security_forces"] = Number(b.SecurityForces);
            fields["killed_civilians"] = Number(b.Civilians);
            fields["killed_militants"] = Number(b.Militants);
            fields["killed_unknown"] = Number(b.Unknown);
        }
        return fields;
    }

    private static void Casualties(Dictionary<string, string?> fields, string prefix, CasualtyInput? c)
    {
        if (c is null)
            return;
        fields[prefix + "_low"] = Number(c.Low);
        fields[prefix + "_best"] = Number(c.Best);
        fields[prefix + "_high"] = Number(c.High);
        fields[prefix + "_phrase"] = c.Phrase;
        fields[prefix + "_rule"] = c.Rule ?? EnteredRule;
    }

    /// <summary>The body's name of a translator field: <c>killed_best</c> is <c>killed.best</c>, <c>killed_civilians</c> is <c>killed_breakdown.civilians</c>.</summary>
    private static string Member(string field) => field switch
    {
        "killed_security_forces" or "killed_civilians" or "killed_militants" or "killed_unknown" => "killed_breakdown." + field["killed_".Length..],
        _ when field.StartsWith("killed_", StringComparison.Ordinal) => "killed." + field["killed_".Length..],
        _ when field.StartsWith("injured_", StringComparison.Ordinal) => "injured." + field["injured_".Length..],
        _ when field.StartsWith("source_", StringComparison.Ordinal) => "sources." + field["source_".Length..],
        _ => field,
    };

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", Inv);

    private static string? Number(int? value) => value?.ToString(Inv);
}

/// <summary>A count as the source gives it: low, best and high (null: not known), the phrase, and the rule that read it (default: entered by hand).</summary>
[ApiInput]
public sealed record CasualtyInput(int? Low, int? Best, int? High, string? Phrase, string? Rule);

/// <summary>The killed by kind of victim (null: not known).</summary>
[ApiInput]
public sealed record BreakdownInput(int? SecurityForces, int? Civilians, int? Militants, int? Unknown);

/// <summary>A source of an incident: name, day published (YYYY-MM-DD), headline, URL.</summary>
[ApiInput]
public sealed record SourceInput(string? Name, DateOnly? Published, string? Headline, string? Url);
