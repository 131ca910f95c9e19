using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Merging;

namespace Vigil.Extraction.Review;

/// <summary>
/// Turns the JSON payload of a report candidate (an <see cref="ExtractedReport"/> as <see cref="ExtractionJson"/>
/// writes it) into an incident: date, place, event type, perpetrator with its attribution, target type, killed and
/// injured with the raw phrase and rule, and the article as a source. A report without a date is filed under its
/// publication date (day precision), as <see cref="MergeRule.Day"/> does.
/// </summary>
public static class ReportIncident
{
    public static ExtractedReport ReadPayload(string payload) => Read(payload).Report;

    /// <summary>The report of a payload and the article behind it (source name, publication date, headline, url), from one parse.</summary>
    public static (ExtractedReport Report, SourceReference Source) Read(string payload)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(payload) ?? throw new FormatException("empty report payload");
        var report = node.Deserialize<ExtractedReport>(ExtractionJson.Options) ?? throw new FormatException("empty report payload");
        return (report, new SourceReference(report.Source, report.Published, (string?)node["headline"], (string?)node["url"]));
    }

    /// <summary>The incident of one report payload, the article as its source.</summary>
    public static Incident FromPayload(string payload)
    {
        var (report, source) = Read(payload);
        return FromReport(report, source);
    }

    public static Incident FromReport(ExtractedReport r, SourceReference source)
    {
        var date = r.Date?.Value ?? (r.Published is { } p ? IncidentDate.OnDay(p)
            : throw new VigilException($"report {r.ArticleId} has neither a date nor a publication date"));
        var killed = r.Killed?.ToCount() ?? CasualtyCount.Unknown;
        var injured = r.Injured?.ToCount() ?? CasualtyCount.Unknown;
        return new Incident
        {
            Date = date,
            Place = r.Place?.Place ?? Place.Unknown,
            EventType = r.EventType?.Value ?? EventType.Other,
            Perpetrator = r.Perpetrator?.Value.Actor,
            Attribution = r.Perpetrator?.Value.Certainty,
            TargetType = r.Targets.Count > 0 ? r.Targets[0].Value : null,
            Killed = killed,
            Injured = injured,
            Sources = [source],
            Flags = Incident.CasualtyFlags(killed, injured),
        };
    }

    /// <summary>One incident from several reports of one attack: every article a source, figures by <see cref="ReportCluster"/>'s rule (median of the reports' best).</summary>
    public static Incident FromCluster(IReadOnlyList<(ExtractedReport Report, SourceReference Source)> reports)
    {
        var cluster = new ReportCluster(1, [.. reports.Select(x => x.Report)], []);
        var first = FromReport(reports[0].Report, reports[0].Source);
        var killed = cluster.Killed;
        var injured = cluster.Injured;
        return first with
        {
            EventType = reports.Select(x => x.Report.EventType?.Value).FirstOrDefault(t => t is not null) ?? first.EventType,
            Perpetrator = first.Perpetrator ?? reports.Select(x => x.Report.Perpetrator?.Value.Actor).FirstOrDefault(a => a is not null),
            Attribution = first.Attribution ?? reports.Select(x => x.Report.Perpetrator?.Value.Certainty).FirstOrDefault(a => a is not null),
            Killed = killed,
            Injured = injured,
            Sources = [.. reports.Select(x => x.Source).Distinct()],
            Flags = Incident.CasualtyFlags(killed, injured),
        };
    }

    /// <summary>The fields an analyst may set before accepting: killed, injured, district, province, date, event_type, perpetrator.</summary>
    public static readonly IReadOnlyList<string> EditableFields = ["killed", "injured", "district", "province", "date", "event_type", "perpetrator"];

    /// <summary>
    /// Applies edits (field → value) to an incident built from a report; a killed or injured edit is exact, with rule
    /// "analyst"; district and province are normalised through the gazetteer (<see cref="PlaceEdits"/>; a province
    /// edit is applied before a district edit, so it can settle a district name several provinces share).
    /// </summary>
    public static Incident Edit(Incident incident, IEnumerable<KeyValuePair<string, string>> edits, Geo.Gazetteer? gazetteer = null)
    {
        var places = gazetteer ?? Geo.Gazetteer.Bundled;
        foreach (var (field, value) in edits.OrderBy(e => e.Key == "province" ? 0 : e.Key == "district" ? 1 : 2))
        {
            incident = field switch
            {
                "killed" => incident with { Killed = CasualtyCount.Exactly(Count(field, value), incident.Killed.Phrase, "analyst") },
                "injured" => incident with { Injured = CasualtyCount.Exactly(Count(field, value), incident.Injured.Phrase, "analyst") },
                "district" => incident with { Place = PlaceEdits.District(incident.Place, value, places) },
                "province" => incident with { Place = PlaceEdits.Province(incident.Place, value, places) },
                "date" => incident with
                {
                    Date = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? IncidentDate.OnDay(d) : throw new FieldException("date", $"'{value}' is not YYYY-MM-DD"),
                },
                "event_type" => incident with
                {
                    EventType = EnumText<EventType>.TryParse(value, out var t) ? t : throw new FieldException("event_type", $"'{value}' is not an event type"),
                },
                "perpetrator" => incident with { Perpetrator = new ActorRef(value, value) },
                _ => throw new FieldException(field, $"cannot be set; one of: {string.Join(", ", EditableFields)}"),
            };
        }
        return incident with { Flags = Incident.CasualtyFlags(incident.Killed, incident.Injured) };
    }

    private static int Count(string field, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new FieldException(field, $"'{value}' is not a count");
}
