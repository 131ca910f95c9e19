using System.Net;
using System.Text.Json;
using Vigil.Extraction;
using Vigil.Extraction.Input;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests;

public sealed class ReviewApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Queues one report candidate per text, as ingest-news does; returns their ids.</summary>
    private IReadOnlyList<long> Queue(params string[] texts)
    {
        using var store = SqliteIncidentStore.Open(_api.Database);
        return new CandidateQueue(store).Add(texts.Select((text, i) =>
        {
            var x = ArticleExtractor.Bundled.Extract(new Article($"n{i}", text, new DateOnly(2023, 3, 7), "Dawn", $"https://example.org/n{i}", "Headline"));
            var payload = ExtractionJson.ToJson(x)["report"]!.AsObject();
            payload["url"] = $"https://example.org/n{i}";
            return new ExtractionCandidate(0, $"n{i}", "Dawn", $"https://example.org/n{i}", "2023-03-07", "report", "summary",
                x.Report!.Killed?.Phrase, payload.ToJsonString(), CandidateStatus.Pending, null, "", null, null);
        }).ToList());
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public async Task A_viewer_lists_pending_candidates_with_their_evidence_but_cannot_accept()
    {
        var ids = Queue("At least 12 people were killed in Quetta on Monday.");
        var viewer = _api.Client(ApiRole.Viewer);

        var list = Parse(await viewer.GetStringAsync("/api/v1/review?status=pending", Ct));
        var item = list.EnumerateArray().Single();
        Assert.Equal(("report", "pending"), (item.GetProperty("kind").GetString(), item.GetProperty("status").GetString()));
        Assert.Contains("At least 12", item.GetProperty("evidence").GetString(), StringComparison.Ordinal);

        var accept = await viewer.PostAsync($"/api/v1/review/{ids[0]}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
    }

    [Fact]
    public async Task An_analyst_accepts_a_candidate_with_an_edit_and_the_incident_appears_in_the_incidents()
    {
        var ids = Queue("At least 12 people were killed in Quetta on Monday.");
        var analyst = _api.Client(ApiRole.Analyst);

        var accept = await analyst.PostAsync($"/api/v1/review/{ids[0]}/accept", Json.Body("""{"killed": 14}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var incidentId = Parse(await accept.Content.ReadAsStringAsync(Ct)).GetProperty("incident").GetProperty("id").GetInt64();

        var incidents = Parse(await analyst.GetStringAsync("/api/v1/incidents", Ct)).GetProperty("items");
        var incident = incidents.EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == incidentId);
        Assert.Equal(14, incident.GetProperty("killed").GetProperty("best").GetInt32());
        Assert.Empty(Parse(await analyst.GetStringAsync("/api/v1/review", Ct)).EnumerateArray());
        var accepted = Parse(await analyst.GetStringAsync("/api/v1/review?status=accepted", Ct)).EnumerateArray().Single();
        Assert.Equal(incidentId, accepted.GetProperty("incident_id").GetInt64());
    }

    [Fact]
    public async Task Merge_into_adds_the_article_to_an_existing_incident_and_keeps_its_figures()
    {
        var existing = _api.Seed(1)[0];
        var ids = Queue("Five people were killed in Bannu yesterday.");
        var analyst = _api.Client(ApiRole.Analyst);

        var accept = await analyst.PostAsync($"/api/v1/review/{ids[0]}/accept", Json.Body($$"""{"merge_into": {{existing.Id}}}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var incident = Parse(await analyst.GetStringAsync($"/api/v1/incidents/{existing.Id}", Ct));
        Assert.Equal(existing.Killed.Best, incident.GetProperty("killed").GetProperty("best").GetInt32());
        Assert.Contains(incident.GetProperty("sources").EnumerateArray(), s => s.GetProperty("url").GetString() == "https://example.org/n0");
    }

    [Fact]
    public async Task Reject_marks_the_candidate_and_an_unknown_id_gets_404()
    {
        var ids = Queue("Five people were killed in Bannu yesterday.");
        var analyst = _api.Client(ApiRole.Analyst);

        Assert.Equal(HttpStatusCode.NoContent, (await analyst.PostAsync($"/api/v1/review/{ids[0]}/reject", null, Ct)).StatusCode);
        Assert.Equal("rejected", Parse(await analyst.GetStringAsync("/api/v1/review?status=rejected", Ct)).EnumerateArray().Single().GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync("/api/v1/review/999/reject", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync("/api/v1/review/999/accept", null, Ct)).StatusCode);
    }

    /// <summary>Queues a text's engagement and claim candidates with the payloads ingest-news writes; returns (kind, id) pairs.</summary>
    private List<(string Kind, long Id)> QueueStatements(string text)
    {
        var x = ArticleExtractor.Bundled.Extract(new Article("talks", text, new DateOnly(2023, 2, 24), "Dawn", "https://example.org/talks", "Talks"));
        ExtractionCandidate Make(string kind, string evidence, string payload) =>
            new(0, "talks", "Dawn", "https://example.org/talks", "2023-02-24", kind, "summary", evidence, payload, CandidateStatus.Pending, null, "", null, null);
        var candidates = x.Engagements.Select(e => Make("engagement", text[e.Start..e.End], JsonSerializer.Serialize(e, ExtractionJson.Options)))
            .Concat(x.Claims.Select(c => Make("claim", c.Text ?? "", Domain.Claims.ClaimJson.ToJson(c).ToJsonString()))).ToList();
        using var store = SqliteIncidentStore.Open(_api.Database);
        var ids = new CandidateQueue(store).Add(candidates);
        return [.. candidates.Select((c, i) => (c.Kind, ids[i]))];
    }

    private const string Talks = "A Pakistani delegation visited Kabul this week to hold talks with Afghan officials on counter-terrorism measures. "
        + "At least 254 people were injured in militant attacks across the country in January 2023.";

    [Fact]
    public async Task An_analyst_accepts_an_engagement_with_a_key_and_it_is_saved_with_the_candidate_marked_in_one_step()
    {
        var (_, id) = QueueStatements(Talks).First(c => c.Kind == "engagement");
        var analyst = _api.Client(ApiRole.Analyst);

        var bad = await analyst.PostAsync($"/api/v1/review/{id}/accept", Json.Body("""{"format": "dinner"}"""), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("format", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var accept = await analyst.PostAsync($"/api/v1/review/{id}/accept", Json.Body("""{"key": "kabul-2023-02"}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var body = Parse(await accept.Content.ReadAsStringAsync(Ct));
        Assert.Equal(("engagement", "engagement:kabul-2023-02", $"candidate {id} accepted as engagement kabul-2023-02"),
            (body.GetProperty("kind").GetString(), body.GetProperty("accepted_as").GetString(), body.GetProperty("became").GetString()));

        using (var store = SqliteIncidentStore.Open(_api.Database))
        {
            var engagement = new RelationalAccountabilityStore(store).GetEngagements().Single();
            Assert.Equal(("kabul-2023-02", "Kabul", Domain.Accountability.EngagementFormat.Visit), (engagement.Key, engagement.Place, engagement.Format));
            Assert.Equal(new Domain.Accountability.Citation("Dawn", new DateOnly(2023, 2, 24), "https://example.org/talks"), engagement.Sources.Single());
        }
        var accepted = Parse(await analyst.GetStringAsync("/api/v1/review?status=accepted", Ct)).EnumerateArray().Single();
        Assert.Equal("engagement:kabul-2023-02", accepted.GetProperty("accepted_as").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync($"/api/v1/review/{id}/accept", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Accepted_claims_are_listed_for_a_viewer_with_their_article_and_verdict()
    {
        var (_, id) = QueueStatements(Talks).First(c => c.Kind == "claim");
        var analyst = _api.Client(ApiRole.Analyst);
        var accept = await analyst.PostAsync($"/api/v1/review/{id}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal("claim:1", Parse(await accept.Content.ReadAsStringAsync(Ct)).GetProperty("accepted_as").GetString());

        var list = Parse(await _api.Client(ApiRole.Viewer).GetStringAsync("/api/v1/claims/accepted", Ct));
        var claim = list.EnumerateArray().Single();
        Assert.Equal((id, "Dawn", "https://example.org/talks", "2023-02-24"),
            (claim.GetProperty("candidate_id").GetInt64(), claim.GetProperty("source").GetString(), claim.GetProperty("url").GetString(), claim.GetProperty("published").GetString()));
        // No incidents are stored, so the claim cannot be checked yet; the verdict is computed on each request.
        Assert.Equal("not-checkable", claim.GetProperty("verdict").GetString());
        Assert.Equal("not-checkable", claim.GetProperty("check").GetProperty("verdict").GetString());
        Assert.Equal("injured", claim.GetProperty("check").GetProperty("claim").GetProperty("metric").GetString());

        // The answer is bounded: a page of at most 500, the total in a header, a limit beyond that refused by name.
        var viewer = _api.Client(ApiRole.Viewer);
        var paged = await viewer.GetAsync("/api/v1/claims/accepted?offset=1&limit=10", Ct);
        Assert.Equal("1", paged.Headers.GetValues("X-Total-Count").Single());
        Assert.Empty(Parse(await paged.Content.ReadAsStringAsync(Ct)).EnumerateArray());
        var tooMany = await viewer.GetAsync("/api/v1/claims/accepted?limit=501", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("limit", await tooMany.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    public void Dispose() => _api.Dispose();
}
