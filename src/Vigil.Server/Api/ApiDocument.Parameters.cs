using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Vigil.Application.Scopes;
using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// Each parameter of the OpenAPI document with a description and an example: the names as the endpoints bind them, and
/// where one name means different things on different routes (an id, a name), the route's own.
/// </summary>
public static partial class ApiDocument
{
    private sealed record Doc(string Description, JsonNode? Example);

    private static Doc D(string description, JsonNode? example) => new(description, example);

    private static string OneOf<T>() where T : struct, Enum => string.Join(", ", EnumText<T>.All);

    private static readonly Dictionary<string, Doc> Docs = new(StringComparer.Ordinal)
    {
        ["from"] = D("First day, by start date, inclusive: YYYY-MM-DD, or YYYY-MM / YYYY for its first day.", "2023-01"),
        ["to"] = D("Last day, by start date, inclusive: YYYY-MM-DD, or YYYY-MM / YYYY for its last day.", "2023-12-31"),
        ["country"] = D("Country (repeatable), in any spelling Vigil knows.", "Pakistan"),
        ["province"] = D("Province or other first-level division (repeatable), in any spelling Vigil knows (KP, Khyber Pakhtunkhwa, NWFP).", "Khyber Pakhtunkhwa"),
        ["region"] = D("Region (repeatable): former-fata or kp-mainland.", "former-fata"),
        ["district"] = D("District (repeatable), in any spelling Vigil knows.", "Peshawar"),
        ["actor"] = D("Perpetrator or party (repeatable), by the alias table's name or any alias.", "TTP"),
        ["category"] = D("Category of event (repeatable): " + OneOf<EventCategory>() + ".", EnumText<EventCategory>.All[0]),
        ["suicide"] = D("Suicide attacks only (yes) or none of them (no).", "yes"),
        ["weapon"] = D("Weapon (repeatable): " + OneOf<Weapon>() + ".", EnumText<Weapon>.All[0]),
        ["target_type"] = D("Type of target (repeatable): " + OneOf<TargetType>() + ".", EnumText<TargetType>.All[0]),
        ["type"] = D("Event type (repeatable): " + OneOf<EventType>() + ".", "suicide-bombing"),
        ["dataset"] = D("A dataset by name (repeatable, in order of precedence; an event two of them record counts once); all: every dataset. None: the primary dataset. An unknown one is a 400 listing the known ones.", "ucdp-ged"),
        ["min_killed"] = D("Only incidents with at least this many killed (best estimate).", 5),
        ["sources"] = D("Which sources killed and injured count: independent (default: party claims left out), all (independent sources first, the range spanning party claims too) or party (party claims alone). It changes figures, never which incidents are counted; a list under all or party shows each incident's figure of that scope.", "independent"),
        ["min_grade"] = D("Only incidents graded at least this, worst to best: " + OneOf<Domain.Sources.IncidentGrade>() + ".", "fair"),
        ["sort"] = D("Sort by: " + OneOf<IncidentSort>() + " (default date).", "date"),
        ["desc"] = D("Descending (default: true when no sort is given, newest first).", true),
        ["page"] = D("Page number from 1; pages by number reach 10,000 incidents deep (follow next_cursor beyond).", 1),
        ["page_size"] = D("Incidents per page, 1 to 500 (default 50).", 50),
        ["cursor"] = D("The next_cursor of the previous page (keyset paging; with sort=date or sort=id).", null),
        ["by"] = D("Period: " + OneOf<PeriodUnit>() + " (default month).", "month"),
        ["breakdown"] = D("Break the figures down by: " + string.Join(", ", BreakdownNames.Listed) + ".", "province"),
        ["metric"] = D("The metric whose changes, records and spikes are stated: " + OneOf<ClaimMetric>() + " (default killed).", "killed"),
        ["month"] = D("The month, YYYY-MM (default: the latest month with data).", "2023-01"),
        ["period"] = D("The period: YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn or YYYY.", "2023-01"),
        ["key"] = D("The breakdown key whose figure to explain (needs breakdown).", "Khyber Pakhtunkhwa"),
        ["id"] = D("The id.", 1),
        ["name"] = D("The name.", "ucdp-ged"),
        ["reason"] = D("Why (kept in the record).", "checked against the source"),
        ["limit"] = D("The most items to return.", 100),
        ["offset"] = D("Items to skip (the total is in X-Total-Count).", 0),
        ["after"] = D("Continue after this id.", 0),
        ["window"] = D("Days apart that reports may be and still describe one event, 0 to 30 (default 1).", 1),
        ["window_days"] = D("Days apart that two records may be and still describe one event, 0 to 30 (default 1).", 1),
        ["radius_km"] = D("Radius in kilometres, great-circle, above 0 and at most 2000 (default 25).", 25),
        ["incident"] = D("Only links with this incident.", 1),
        ["skip_invalid"] = D("Import the good rows and keep the rejected ones (GET /imports/{id}/rejected) instead of refusing the file.", false),
        ["If-Match"] = D("The ETag of the incident as last read (\"ID-REVISION\"): a stale one gets 412, none 428.", "\"1-1\""),
    };

    /// <summary>Where one name means something else on one route (route as the API description gives it, no leading slash).</summary>
    private static readonly Dictionary<(string Path, string Name), Doc> RouteDocs = new()
    {
        [("api/v1/exports", "format")] = D("The file format: csv (default), json, jsonl, xlsx, geojson or parquet.", "csv"),
        [("api/v1/reports/monthly", "format")] = D("html (default) or pdf.", "html"),
        [("api/v1/exports", "sources")] = D("independent (the default) only: an export holds each incident's own record — its figure from independent sources, every source's own figures beside it — so all or party is a 400 naming sources.", "independent"),
        [("api/v1/reports/monthly", "month")] = D("The month, YYYY-MM.", "2023-01"),
        [("api/v1/imports", "format")] = D("The file's format when it cannot be told from the file: ucdp-ged, ucdp-candidate (always given: its header is GED's), acled, gtd, pbc-suicide, pbc-drone, vigil-csv, vigil-json.", "ucdp-ged"),
        [("api/v1/review", "status")] = D("pending (default), accepted, rejected or all.", "pending"),
        [("api/v1/review", "limit")] = D("Candidates per answer, 1 to 1000 (default 50).", 50),
        [("api/v1/links", "status")] = D("linked, ambiguous, rejected or all (default all).", "linked"),
        [("api/v1/links", "limit")] = D("Links per answer, 1 to 500 (default 100); page with offset.", 100),
        [("api/v1/links", "dataset")] = D("Once: links with a record of this dataset; twice: links between the two.", "ucdp-ged"),
        [("api/v1/links/build", "dataset")] = D("The two datasets to link, given twice: dataset=A&dataset=B.", "ucdp-ged"),
        [("api/v1/claims/accepted", "limit")] = D("Claims per answer, 1 to 500 (default 500); page with offset.", 100),
        [("api/v1/merges", "limit")] = D("Merges per answer, 1 to 1000 (default 100).", 100),
        [("api/v1/reports/published", "limit")] = D("Reports, newest first, 1 to 1000 (default 100).", 100),
        [("api/v1/audit", "limit")] = D("Entries, newest first, 1 to 1000 (default 100).", 100),
        [("api/v1/statistics/overview", "province")] = D("Limit the overview to one province.", "Balochistan"),
        [("api/v1/reports/monthly", "province")] = D("Limit the report to one province.", "Balochistan"),
        [("api/v1/statistics/overview", "country")] = D("The country (default Pakistan); repeat it to count several countries together.", "Pakistan"),
        [("api/v1/reports/monthly", "country")] = D("The country (default Pakistan); repeat it to count several countries together.", "Pakistan"),
        [("api/v1/crossings/{key}/nearby", "by")] = D("Period: " + OneOf<PeriodUnit>() + " (default year).", "year"),
        [("api/v1/incidents/{id}", "reason")] = D("Why it was changed or deleted (kept in the revision).", "corrected from the source"),
        [("api/v1/keys/{name}", "name")] = D("The key's name.", "alice"),
    };

    private static Doc? DocOf(string path, string name, string location)
    {
        if (RouteDocs.TryGetValue((path, name), out var doc))
            return doc;
        if (name == "key")
            return path.StartsWith("api/v1/crossings/", StringComparison.Ordinal) ? D("The crossing's key.", "torkham")
                : path.StartsWith("api/v1/commitments/", StringComparison.Ordinal) ? D("The commitment's key.", "kabul-2023-02-c1")
                : Docs["key"];
        if (name == "id" && location == "path")
            return path.StartsWith("api/v1/incidents/", StringComparison.Ordinal) ? D("The incident's id.", 1)
                : path.StartsWith("api/v1/review/", StringComparison.Ordinal) ? D("The candidate's id.", 1)
                : path.StartsWith("api/v1/merges/", StringComparison.Ordinal) ? D("The merge's id.", 1)
                : path.StartsWith("api/v1/links/", StringComparison.Ordinal) ? D("The link's id.", 1)
                : path.StartsWith("api/v1/imports/", StringComparison.Ordinal) ? D("The import's id.", 1)
                : path.StartsWith("api/v1/reports/published/", StringComparison.Ordinal) ? D("The published report's id (a whole number; GET /reports/published lists them).", "1")
                : Docs["id"];
        if (name == "name" && path.StartsWith("api/v1/datasets/", StringComparison.Ordinal))
            return D("The dataset's name.", "ucdp-ged");
        return Docs.GetValueOrDefault(name);
    }

    private static void Parameters(OpenApiOperation operation, string path)
    {
        foreach (var p in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (p.Name is null || DocOf(path, p.Name, p.In?.ToString().ToLowerInvariant() ?? "") is not { } doc)
                continue;
            p.Description ??= doc.Description;
            if (doc.Example is not null)
                p.Example ??= doc.Example.DeepClone();
        }
    }
}
