using Vigil.Application.Scopes;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Server.Api;

/// <summary>An incident as the API shows it: the fields of Vigil's own JSON, typed.</summary>
public sealed record IncidentResource(
    long Id, int Revision, string? Dataset, string? SourceId,
    DateOnly DateStart, DateOnly DateEnd, string DatePrecision,
    string? Country, string? Admin1, string? Admin1Raw, string? Admin2, string? Admin2Raw, string? Location,
    double? Latitude, double? Longitude, string GeoPrecision, string? GeoPrecisionRaw,
    string EventType, string? EventSubtype, string? SourceEventType,
    string? Perpetrator, string? PerpetratorRaw, string? Target, string? TargetRaw, string? TargetType, string? TargetTypeRaw,
    string? Attribution, string Category, PartyResource? StateForces, PartyResource? ArmedGroup, PartyResource? OtherParty, bool? Suicide, string? Weapon,
    CasualtyResource Killed, CasualtyResource Injured, BreakdownResource? KilledBreakdown, bool? PerpetratorsIncluded,
    IReadOnlyList<SourceResource> Sources, string? Notes, IReadOnlyList<string> QualityFlags,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    public static IncidentResource Of(Incident i) => new(
        i.Id, i.Revision, i.SourceRecord?.Dataset, i.SourceRecord?.RecordId,
        i.Date.Start, i.Date.End, EnumText<DatePrecision>.Format(i.Date.Precision),
        i.Place.Country, i.Place.Admin1, i.Place.Admin1Raw, i.Place.Admin2, i.Place.Admin2Raw, i.Place.Location,
        i.Place.Latitude, i.Place.Longitude, EnumText<GeoPrecision>.Format(i.Place.GeoPrecision), i.Place.GeoPrecisionRaw,
        EnumText<EventType>.Format(i.EventType), i.EventSubtype, i.SourceEventType,
        i.Perpetrator?.Name, i.Perpetrator?.Raw, i.Target?.Name, i.Target?.Raw,
        i.TargetType is { } t ? EnumText<TargetType>.Format(t) : null, i.TargetTypeRaw,
        i.Attribution is { } a ? EnumText<AttributionCertainty>.Format(a) : null,
        EnumText<EventCategory>.Format(i.Category), PartyResource.Of(i.StateForces), PartyResource.Of(i.ArmedGroup), PartyResource.Of(i.OtherParty), i.Suicide,
        i.Weapon is { } w ? EnumText<Weapon>.Format(w) : null,
        CasualtyResource.Of(i.Killed), CasualtyResource.Of(i.Injured),
        i.KilledBreakdown is { } b ? new BreakdownResource(b.SecurityForces, b.Civilians, b.Militants, b.Unknown) : null,
        i.PerpetratorsIncluded,
        [.. i.Sources.Select(s => new SourceResource(s.Name, s.Published, s.Headline, s.Url))],
        i.Notes,
        FlagsText.Format(i.Flags)?.Split("; ") ?? [],
        i.CreatedAt, i.UpdatedAt, i.DeletedAt);

    /// <summary>The revision as an entity tag: an edit must send it back in If-Match.</summary>
    public static string ETag(Incident i) => $"\"{i.Id}-{i.Revision}\"";
}

/// <summary>A party to a clash or an operation: the alias table's name (null when it does not know the actor) and the name as the source gave it.</summary>
public sealed record PartyResource(string? Name, string Raw)
{
    public static PartyResource? Of(ActorRef? actor) => actor is null ? null : new(actor.Name, actor.Raw);
}

public sealed record CasualtyResource(int? Low, int? Best, int? High, string? Phrase, string? Rule)
{
    public static CasualtyResource Of(CasualtyCount c) => new(c.Low, c.Best, c.High, c.Phrase, c.Rule);
}

public sealed record BreakdownResource(int? SecurityForces, int? Civilians, int? Militants, int? Unknown);

public sealed record SourceResource(string? Name, DateOnly? Published, string? Headline, string? Url);

public sealed record RevisionResource(int Number, DateTimeOffset At, string Author, string Kind, long? ImportId, string? Reason, IReadOnlyList<FieldChange> Changes)
{
    public static RevisionResource Of(Revision r) => new(r.Number, r.At, r.Author, EnumText<RevisionKind>.Format(r.Kind), r.ImportId, r.Reason, r.Changes);
}

/// <summary>A page of incidents: <c>next_cursor</c>, when present, fetches the next page however deep (page is 0 for cursor pages).</summary>
/// <summary>
/// A page of incidents, with the scope they were chosen from (its datasets: one row per real event in a combined
/// scope) and, in a combined scope, the records of the other datasets linked to each listed one (by incident id).
/// </summary>
public sealed record IncidentPage(IReadOnlyList<IncidentResource> Items, int Page, int PageSize, long Total, string? NextCursor, ScopeJson Scope)
{
    public IReadOnlyDictionary<long, IReadOnlyList<Application.Links.LinkedRecord>>? Linked { get; init; }
}

/// <summary>The opaque keyset cursor: the last incident's start date and id.</summary>
public static class Cursor
{
    public static string Of(Domain.Incidents.Incident i) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{i.Date.Start:yyyy-MM-dd}|{i.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (DateOnly, long)? Parse(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            var parts = text.Split('|');
            return parts.Length == 2
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? (date, id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
