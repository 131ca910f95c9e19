using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Server.Tests.OpenApi;

/// <summary>
/// Each endpoint's documented schema against what it really writes: every JSON answer of /api/v1 (success, and the
/// problems of a bad value, a missing thing and a missing key) is fetched over real data and checked against the schema
/// the served OpenAPI document gives for its path, method, status and content type.
/// </summary>
public sealed class DocumentedAnswersTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private SchemaCheck _check = null!;
    private JsonElement _document;

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Every_json_answer_has_the_shape_its_schema_documents()
    {
        _document = JsonDocument.Parse(await _api.Client(null).GetStringAsync("/api/v1/openapi.json", Ct)).RootElement;
        _check = new SchemaCheck(_document);

        // Data in through the API: a dataset file, an accountability document.
        using (var upload = new MultipartFormDataContent())
        {
            upload.Add(new ByteArrayContent(await File.ReadAllBytesAsync(RepoFiles.BundledUcdp, Ct)), "file", "conflict_data_pak.csv");
            await Call(HttpMethod.Post, "/api/v1/imports", "/api/v1/imports", ApiRole.Admin, upload);
        }
        var yaml = await File.ReadAllTextAsync(RepoFiles.Path_("data", "accountability", "worked-example.yaml"), Ct);
        await Call(HttpMethod.Post, "/api/v1/accountability/imports", "/api/v1/accountability/imports", ApiRole.Analyst, new StringContent(yaml));
        SeedLinksAndCandidates();

        // Incidents.
        var page = await Call(HttpMethod.Get, "/api/v1/incidents", "/api/v1/incidents?province=Balochistan&from=2021&page_size=5&sort=killed");
        var id = page!.Value.GetProperty("items")[0].GetProperty("id").GetInt64();
        await Call(HttpMethod.Get, "/api/v1/incidents/{id}", $"/api/v1/incidents/{id}");
        await Call(HttpMethod.Get, "/api/v1/incidents/{id}/revisions", $"/api/v1/incidents/{id}/revisions");
        var created = await Call(HttpMethod.Post, "/api/v1/incidents", "/api/v1/incidents", ApiRole.Analyst, Json.Body("""
            {"date_start": "2024-02-03", "admin1": "KP", "admin2": "Peshawar", "event_type": "suicide-bombing", "perpetrator": "TTP",
             "killed": {"best": 7, "low": 5}, "injured": {"best": 20}, "killed_breakdown": {"civilians": 7},
             "sources": [{"name": "Dawn", "published": "2024-02-04", "headline": "Blast", "url": "https://example.org/a"}]}
            """), HttpStatusCode.Created);
        var createdId = created!.Value.GetProperty("id").GetInt64();
        await Call(HttpMethod.Put, "/api/v1/incidents/{id}", $"/api/v1/incidents/{createdId}?reason=checked", ApiRole.Analyst,
            Json.Body("""{"date_start": "2024-02-03", "admin1": "KP", "event_type": "suicide-bombing", "killed": {"best": 8}}"""),
            configure: r => r.Headers.TryAddWithoutValidation("If-Match", $"\"{createdId}-1\""));

        // Figures.
        await Call(HttpMethod.Get, "/api/v1/statistics/series", "/api/v1/statistics/series?by=month&from=2021-01&to=2021-12&breakdown=province&metric=killed");
        await Call(HttpMethod.Get, "/api/v1/statistics/series", "/api/v1/statistics/series?by=year&province=Balochistan");
        await Call(HttpMethod.Get, "/api/v1/statistics/overview", "/api/v1/statistics/overview?month=2021-12");
        await Call(HttpMethod.Get, "/api/v1/statistics/explain", "/api/v1/statistics/explain?period=2021-12&breakdown=province&key=Balochistan");
        await Call(HttpMethod.Get, "/api/v1/incidents", "/api/v1/incidents?from=2021-12&to=2021-12&page_size=5&sources=all&min_grade=weak");

        // Published reports and what changed since.
        using (var db = Storage.Backends.DatabaseLocation.Parse(_api.Database).Open(TimeProvider.System))
        {
            new Application.Reports.PublishedReports(db, m => Storage.Backends.DatabaseLocation.Parse(_api.Database).OpenAsOf(m, TimeProvider.System),
                Application.Reference.ReferenceData.Bundled, TimeProvider.System).Publish(new Application.Reports.MonthlyReportRequest { Month = "2021-12" }, "amina");
        }
        var published = await Call(HttpMethod.Get, "/api/v1/reports/published", "/api/v1/reports/published");
        var reportId = published!.Value[0].GetProperty("id").GetInt64();
        await Call(HttpMethod.Get, "/api/v1/reports/published/{id}/diff", $"/api/v1/reports/published/{reportId}/diff");
        await Call(HttpMethod.Get, "/api/v1/reports/published/{id}/diff", "/api/v1/reports/published/999/diff", expected: HttpStatusCode.NotFound);
        await Call(HttpMethod.Get, "/api/v1/reports/published/{id}/diff", "/api/v1/reports/published/x/diff", expected: HttpStatusCode.BadRequest);

        // Claims.
        await Call(HttpMethod.Post, "/api/v1/claims/check", "/api/v1/claims/check", ApiRole.Viewer, Json.Body("""
            [{"metric": "killed", "period": "2021-12", "value": 40, "qualifier": "at-least", "scope": {"country": "Pakistan", "province": "Balochistan", "district": null, "actor": null, "event_types": []}},
             {"metric": "attacks", "period": "2021-12", "value": 10, "comparison": {"kind": "change", "percent": 20, "against": "previous-period"}, "dataset": "ucdp-ged"},
             {"metric": "killed", "period": "2021", "comparison": {"kind": "record", "since": "2018", "one_of": true, "top": 3}, "text": "the most since 2018", "evidence": {"start": 0, "end": 5}},
             {"metric": "killed", "period": "2021-12", "value": 40, "sources": "party"}]
            """));
        await Call(HttpMethod.Post, "/api/v1/claims/extract-and-check", "/api/v1/claims/extract-and-check", ApiRole.Viewer, Json.Body("""
            {"text": "At least 12 people were killed in Balochistan in December 2021, officials said.", "published": "2022-01-02"}
            """));
        await Call(HttpMethod.Get, "/api/v1/claims/accepted", "/api/v1/claims/accepted?limit=10");

        // Review and merges.
        await Call(HttpMethod.Post, "/api/v1/intake", "/api/v1/intake", ApiRole.Analyst, Json.Body("""
            [{"id": "feed-1", "published": "2022-01-02", "source": "Dawn", "url": "https://example.org/1", "title": "Blast", "text": "At least 12 people were killed in Quetta on Monday, police said."},
             {"source": "APP", "url": "https://example.org/2", "text": "At least 12 people were killed in Quetta on Monday, police said."}]
            """));
        var queue = await Call(HttpMethod.Get, "/api/v1/review", "/api/v1/review?status=all");
        var candidates = queue!.Value.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
        await Call(HttpMethod.Get, "/api/v1/merges/plan", "/api/v1/merges/plan?window=1");
        await Call(HttpMethod.Post, "/api/v1/review/{id}/accept", $"/api/v1/review/{candidates[0]}/accept", ApiRole.Analyst, Json.Body("""{"killed": 12}"""));
        await Call(HttpMethod.Post, "/api/v1/review/{id}/reject", $"/api/v1/review/{candidates[1]}/reject", ApiRole.Analyst, expected: HttpStatusCode.NoContent);
        var accepted = await Call(HttpMethod.Get, "/api/v1/review", "/api/v1/review?status=accepted");
        var fromReport = accepted!.Value[0].GetProperty("incident_id").GetInt64();
        await Call(HttpMethod.Get, "/api/v1/incidents/{id}/reports", $"/api/v1/incidents/{fromReport}/reports");
        await Call(HttpMethod.Post, "/api/v1/merges/apply", "/api/v1/merges/apply", ApiRole.Analyst);
        await Call(HttpMethod.Get, "/api/v1/merges", "/api/v1/merges");

        // Links.
        await Call(HttpMethod.Post, "/api/v1/links/build", "/api/v1/links/build?dataset=a&dataset=b&window_days=1", ApiRole.Analyst);
        var links = await Call(HttpMethod.Get, "/api/v1/links", "/api/v1/links?dataset=a&status=all");
        var ambiguous = links!.Value.EnumerateArray().Where(l => l.GetProperty("status").GetString() == "ambiguous").Select(l => l.GetProperty("id").GetInt64()).ToList();
        await Call(HttpMethod.Post, "/api/v1/links/{id}/confirm", $"/api/v1/links/{ambiguous[0]}/confirm?reason=same", ApiRole.Analyst);
        await Call(HttpMethod.Post, "/api/v1/links/{id}/reject", $"/api/v1/links/{ambiguous[1]}/reject", ApiRole.Analyst);
        var combined = await Call(HttpMethod.Get, "/api/v1/incidents", "/api/v1/incidents?dataset=a&dataset=b");
        Assert.Equal(JsonValueKind.Object, combined!.Value.GetProperty("linked").ValueKind);

        // Datasets, imports, keys, audit.
        await Call(HttpMethod.Get, "/api/v1/datasets", "/api/v1/datasets");
        await Call(HttpMethod.Get, "/api/v1/datasets/{name}", "/api/v1/datasets/ucdp-ged");
        await Call(HttpMethod.Put, "/api/v1/datasets/{name}", "/api/v1/datasets/ucdp-ged", ApiRole.Admin, Json.Body("""{"kinds": "organised violence", "gaps": ["1993..1993"]}"""));
        await Call(HttpMethod.Post, "/api/v1/datasets/{name}/primary", "/api/v1/datasets/ucdp-ged/primary", ApiRole.Admin);
        await Call(HttpMethod.Get, "/api/v1/sources", "/api/v1/sources");
        await Call(HttpMethod.Post, "/api/v1/sources", "/api/v1/sources", ApiRole.Analyst,
            Json.Body("""{"key": "pips", "name": "Pakistan Institute for Peace Studies", "type": "ngo", "reliability": "B", "reason": "publishes its method"}"""), expected: HttpStatusCode.Created);
        await Call(HttpMethod.Put, "/api/v1/sources/{key}", "/api/v1/sources/pips", ApiRole.Analyst, Json.Body("""{"reliability": "C"}"""));
        await Call(HttpMethod.Get, "/api/v1/sources/{key}", "/api/v1/sources/pips");
        await Call(HttpMethod.Get, "/api/v1/imports", "/api/v1/imports");
        await Call(HttpMethod.Post, "/api/v1/keys", "/api/v1/keys", ApiRole.Admin, Json.Body("""{"name": "alice", "role": "analyst"}"""), HttpStatusCode.Created);
        await Call(HttpMethod.Get, "/api/v1/keys", "/api/v1/keys", ApiRole.Admin);
        await Call(HttpMethod.Get, "/api/v1/audit", "/api/v1/audit?limit=20", ApiRole.Admin);

        // Feeds (this server may not read private addresses: the poll's answer carries the feed's error).
        var feed = await Call(HttpMethod.Post, "/api/v1/feeds", "/api/v1/feeds", ApiRole.Admin, Json.Body("""{"url": "http://127.0.0.1:9/rss", "name": "Local", "every": "1h"}"""), HttpStatusCode.Created);
        var feedId = feed!.Value.GetProperty("id").GetInt64();
        await Call(HttpMethod.Post, "/api/v1/feeds/{id}/poll", $"/api/v1/feeds/{feedId}/poll", ApiRole.Admin);
        await Call(HttpMethod.Get, "/api/v1/feeds", "/api/v1/feeds", ApiRole.Admin);
        await Call(HttpMethod.Get, "/api/v1/feeds/{id}", $"/api/v1/feeds/{feedId}", ApiRole.Admin);
        await Call(HttpMethod.Delete, "/api/v1/feeds/{id}", $"/api/v1/feeds/{feedId}", ApiRole.Admin, expected: HttpStatusCode.NoContent);

        // Accountability and crossings.
        await Call(HttpMethod.Get, "/api/v1/engagements", "/api/v1/engagements");
        var commitments = await Call(HttpMethod.Get, "/api/v1/commitments", "/api/v1/commitments");
        var key = commitments!.Value[0].GetProperty("key").GetString();
        await Call(HttpMethod.Get, "/api/v1/commitments/{key}", $"/api/v1/commitments/{key}");
        await Call(HttpMethod.Get, "/api/v1/commitments/{key}/evaluation", $"/api/v1/commitments/{key}/evaluation");
        await Call(HttpMethod.Post, "/api/v1/commitments/{key}/scores", $"/api/v1/commitments/{key}/scores", ApiRole.Analyst,
            Json.Body("""{"assessed_on": "2024-01-15", "score": 2, "evidence": "partly done", "source": {"name": "Dawn", "published": "2024-01-14"}}"""), HttpStatusCode.Created);
        await Call(HttpMethod.Get, "/api/v1/scorecard", "/api/v1/scorecard");
        await Call(HttpMethod.Get, "/api/v1/crossings", "/api/v1/crossings");
        await Call(HttpMethod.Post, "/api/v1/crossings/{key}/events", "/api/v1/crossings/chaman/events", ApiRole.Analyst,
            Json.Body("""{"status": "closed", "from": "2024-01-10", "reason": "protest"}"""), HttpStatusCode.Created);
        await Call(HttpMethod.Get, "/api/v1/crossings/{key}", "/api/v1/crossings/chaman");
        await Call(HttpMethod.Get, "/api/v1/crossings/{key}/episodes", "/api/v1/crossings/chaman/episodes");
        await Call(HttpMethod.Get, "/api/v1/crossings/{key}/events", "/api/v1/crossings/chaman/events");
        await Call(HttpMethod.Get, "/api/v1/crossings/{key}/nearby", "/api/v1/crossings/torkham/nearby?radius_km=50&by=year");
        await Call(HttpMethod.Get, "/health", "/health", role: null);

        // Problems: a bad value names the parameter; not found; no key; a stale edit; not JSON.
        var bad = await Call(HttpMethod.Get, "/api/v1/incidents", "/api/v1/incidents?page_size=0", expected: HttpStatusCode.BadRequest);
        Assert.True(bad!.Value.GetProperty("errors").TryGetProperty("page_size", out _));
        var unknown = await Call(HttpMethod.Get, "/api/v1/statistics/series", "/api/v1/statistics/series?dataset=nope", expected: HttpStatusCode.BadRequest);
        Assert.True(unknown!.Value.GetProperty("errors").TryGetProperty("dataset", out _));
        var scoped = await Call(HttpMethod.Get, "/api/v1/exports", "/api/v1/exports?sources=party", expected: HttpStatusCode.BadRequest);
        Assert.True(scoped!.Value.GetProperty("errors").TryGetProperty("sources", out _));
        await Call(HttpMethod.Get, "/api/v1/incidents/{id}", "/api/v1/incidents/999999", expected: HttpStatusCode.NotFound);
        await Call(HttpMethod.Get, "/api/v1/datasets/{name}", "/api/v1/datasets/nope", expected: HttpStatusCode.NotFound);
        await Call(HttpMethod.Get, "/api/v1/incidents", "/api/v1/incidents", role: null, expected: HttpStatusCode.Unauthorized);
        await Call(HttpMethod.Post, "/api/v1/incidents", "/api/v1/incidents", ApiRole.Viewer, Json.Body("{}"), HttpStatusCode.Forbidden);
        await Call(HttpMethod.Put, "/api/v1/incidents/{id}", $"/api/v1/incidents/{createdId}", ApiRole.Analyst,
            Json.Body("""{"date_start": "2024-02-03", "event_type": "suicide-bombing"}"""), HttpStatusCode.PreconditionFailed,
            r => r.Headers.TryAddWithoutValidation("If-Match", $"\"{createdId}-1\""));
        await Call(HttpMethod.Put, "/api/v1/incidents/{id}", $"/api/v1/incidents/{createdId}", ApiRole.Analyst, Json.Body("{}"), (HttpStatusCode)428);
        await Call(HttpMethod.Post, "/api/v1/keys", "/api/v1/keys", ApiRole.Admin, new StringContent("name=x"), HttpStatusCode.UnsupportedMediaType);
        await Call(HttpMethod.Post, "/api/v1/incidents", "/api/v1/incidents", ApiRole.Analyst, Json.Body("""{"killed": {"best": -3}}"""), HttpStatusCode.BadRequest);

        Assert.True(_check.Problems.Count == 0, "answers unlike their schemas:\n" + string.Join("\n", _check.Problems));

        // Every JSON answer the document promises on success was fetched above and checked (files, such as a JSON export, aside).
        var documented = new List<string>();
        foreach (var path in _document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')))
                    if (response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                        && !(json.GetProperty("schema").TryGetProperty("format", out var format) && format.GetString() == "binary"))
                        documented.Add($"{operation.Name.ToUpperInvariant()} {path.Name} {response.Name}");
        var unchecked_ = documented.Except(_checked).ToList();
        Assert.True(unchecked_.Count == 0, "documented answers not checked: " + string.Join(", ", unchecked_));
    }

    private async Task<JsonElement?> Call(HttpMethod method, string template, string url, ApiRole? role = ApiRole.Viewer, HttpContent? body = null,
        HttpStatusCode expected = HttpStatusCode.OK, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        configure?.Invoke(request);
        var response = await _api.Client(role).SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{method} {url}: {(int)response.StatusCode} {text}");
        var status = (int)response.StatusCode;
        _checked.Add($"{method.Method} {template} {status}");
        if (response.StatusCode == HttpStatusCode.NoContent)
            return null;
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "";
        var json = JsonDocument.Parse(text).RootElement.Clone();
        JsonElement schema;
        try
        {
            schema = _check.ResponseSchema(template, method.Method, status, contentType);
        }
        catch (KeyNotFoundException)
        {
            _check.Problems.Add($"{method} {template}: no {status} {contentType} answer is documented");
            return json;
        }
        _check.Check(schema, json, $"{method} {url}");
        return json;
    }

    /// <summary>Two small datasets to link (one event both record, one that b records twice alike) and two pending news reports.</summary>
    private void SeedLinksAndCandidates()
    {
        TwoDatasets.Seed(_api.Database);
        using var store = SqliteIncidentStore.Open(_api.Database);
        string[] texts =
        [
            "At least 12 people were killed in a bombing in Quetta on Monday.",
            "Twelve people died when a bomb went off in Quetta yesterday.",
            "Five soldiers were killed in an attack in Bannu on Tuesday.",
            "Five soldiers died in Bannu when militants attacked a checkpost on Tuesday.",
        ];
        new CandidateQueue(store).Add([.. texts.Select((text, i) => ReportCandidates.From($"n{i}", text, new DateOnly(2023, 3, 7)))]);
    }
}
