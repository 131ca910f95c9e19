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
/// injured with the raw phrase and rule, the article as a source and each party whose figures it relays as a party-claim
/// source (<see cref="SourcesOf"/>). A report without a date is filed under its
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
        // The article keeps the figures read from it, so the incident's source row says who said what.
        return (report, new SourceReference(report.Source, report.Published, (string?)node["headline"], (string?)node["url"])
        {
            Killed = report.Killed?.ToCount() is { IsUnknown: false } killed ? killed : null,
            Injured = report.Injured?.ToCount() is { IsUnknown: false } injured ? injured : null,
        });
    }

    /// <summary>
    /// The source rows of one report: the article, carrying its own figures, then one row per party whose figures it
    /// relays (<see cref="ExtractedReport.PartyClaims"/>) — named as the party ("ISPR", "TTP"), a party claim, with its
    /// killed and injured and the article's date, headline and link. A party's figure is never the article's.
    /// </summary>
    public static IEnumerable<SourceReference> SourcesOf(ExtractedReport report, SourceReference article)
    {
        yield return article;
        foreach (var claim in report.PartyClaims)
        {
            yield return new SourceReference(claim.Party, article.Published, article.Headline, article.Url)
            {
                Killed = claim.Killed?.ToCount() is { IsUnknown: false } killed ? killed : null,
                Injured = claim.Injured?.ToCount() is { IsUnknown: false } injured ? injured : null,
                Kind = Domain.Sources.SourceType.Party,
                PartyClaim = true,
            };
        }
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
            Category = EventCategories.FromType(r.EventType?.Value ?? EventType.Other, r.Perpetrator?.Value.Actor),
            Suicide = r.EventType?.Value == EventType.SuicideBombing ? true : null,
            Killed = killed,
            Injured = injured,
            PerpetratorsIncluded = r.PerpetratorsIncluded,
            Sources = [.. SourcesOf(r, source)],
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
        var type = reports.Select(x => x.Report.EventType?.Value).FirstOrDefault(t => t is not null) ?? first.EventType;
        var perpetrator = first.Perpetrator ?? reports.Select(x => x.Report.Perpetrator?.Value.Actor).FirstOrDefault(a => a is not null);
        return first with
        {
            EventType = type,
            Perpetrator = perpetrator,
            Category = EventCategories.FromType(type, perpetrator),
            Suicide = type == EventType.SuicideBombing ? true : first.Suicide,
            Attribution = first.Attribution ?? reports.Select(x => x.Report.Perpetrator?.Value.Certainty).FirstOrDefault(a => a is not null),
            Killed = killed,
            Injured = injured,
            Sources = [.. reports.SelectMany(x => SourcesOf(x.Report, x.Source)).Distinct()],
            Flags = Incident.CasualtyFlags(killed, injured),
        };
    }

    /// <summary>The fields an analyst may set before accepting: killed, injured, district, province, date, event_type, perpetrator.</summary>
    public static readonly IReadOnlyList<string> EditableFields = ["killed", "injured", "district", "province", "date", "event_type", "perpetrator"];

    /// <summary>The rule of a killed or injured figure the analyst set.</summary>
    public const string AnalystRule = "analyst";

    /// <summary>
    /// Applies edits (field → value) to an incident built from a report, through the one translator
    /// (<see cref="IncidentEdits"/>): a killed or injured edit is an exact figure with rule "analyst", a date a single
    /// day, a perpetrator the name as typed, resolved through the actor catalogue. District and province are normalised
    /// through the gazetteer (<see cref="PlaceEdits"/>; a province edit is applied before a district edit, so it can
    /// settle a district name several provinces share).
    /// </summary>
    public static Incident Edit(Incident incident, IEnumerable<KeyValuePair<string, string>> edits, Geo.Gazetteer? gazetteer = null, Domain.Actors.ActorCatalog? actors = null)
    {
        var places = gazetteer ?? Geo.Gazetteer.Bundled;
        var list = edits.ToList();
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (field, value) in list)
        {
            switch (field)
            {
                case "killed" or "injured":
                    var count = FieldValues.Count(field, value) ?? throw new FieldException(field, "is empty");
                    foreach (var part in new[] { "_low", "_best", "_high" })
                        fields[field + part] = count.ToString(CultureInfo.InvariantCulture);
                    fields[field + "_rule"] = AnalystRule;
                    break;
                case "date":
                    var day = FieldValues.Date(field, value) ?? throw new FieldException(field, "is empty");
                    fields["date_start"] = fields["date_end"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    fields["date_precision"] = EnumText<DatePrecision>.Format(DatePrecision.Day);
                    break;
                case "event_type" or "perpetrator":
                    fields[field] = value;
                    break;
                case "district" or "province":
                    break;
                default:
                    throw new FieldException(field, $"cannot be set; one of: {string.Join(", ", EditableFields)}");
            }
        }
        incident = IncidentEdits.Apply(incident, fields);
        if (fields.ContainsKey("event_type") || fields.ContainsKey("perpetrator"))
            incident = incident with { Category = EventCategories.FromType(incident.EventType, incident.Perpetrator) };
        if (fields.ContainsKey("perpetrator") && incident.Perpetrator is { } typed)
            incident = incident with { Perpetrator = typed with { Name = (actors ?? Domain.Actors.ActorCatalog.Bundled).Resolve(typed.Raw)?.Name } };
        foreach (var (field, value) in list.Where(e => e.Key is "province" or "district").OrderBy(e => e.Key == "province" ? 0 : 1))
        {
            incident = incident with
            {
                Place = field == "province" ? PlaceEdits.Province(incident.Place, value, places) : PlaceEdits.District(incident.Place, value, places),
            };
        }
        // A figure the analyst sets corrects what the article is read to say: its source row carries it too (the
        // article's own row; the parties' claims it relays stay as they were).
        if (incident.Sources.Count(x => !x.PartyClaim) == 1 && (fields.ContainsKey("killed_best") || fields.ContainsKey("injured_best")))
        {
            incident = incident with
            {
                Sources = [.. incident.Sources.Select(source => source.PartyClaim ? source : source with
                {
                    Killed = fields.ContainsKey("killed_best") ? incident.Killed : source.Killed,
                    Injured = fields.ContainsKey("injured_best") ? incident.Injured : source.Injured,
                })],
            };
        }
        return incident with { Flags = Incident.CasualtyFlags(incident.Killed, incident.Injured) };
    }
}
