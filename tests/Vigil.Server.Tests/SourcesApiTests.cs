using System.Net;
using System.Text.Json;
using Vigil.Storage;
using Vigil.TestSupport.Contracts;

namespace Vigil.Server.Tests;

/// <summary>
/// The <c>sources</c> and <c>min_grade</c> parameters and <c>/api/v1/sources</c> over the incidents of
/// <see cref="ProvenanceSamples"/>: the figures each choice of sources documents, the share of graded incidents beside them.
/// </summary>
public sealed class SourcesApiTests : IDisposable
{
    private readonly ApiFactory _api = new(anonymousRead: true);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public SourcesApiTests() => ProvenanceSamples.Seed(_api.Database);

    public void Dispose() => _api.Dispose();

    private async Task<JsonElement> Series(string extra)
    {
        using var client = _api.Client(null);
        return JsonDocument.Parse(await client.GetStringAsync($"/api/v1/statistics/series?{ProvenanceSamples.MarchQuery}{extra}", Ct)).RootElement;
    }

    private static (long, long, long, long) Killed(JsonElement series)
    {
        var row = Assert.Single(series.GetProperty("rows").EnumerateArray());
        // The sources change figures, never which incidents are counted; a minimum grade leaves the contested one out.
        Assert.Equal(series.GetProperty("scope").GetProperty("min_grade").ValueKind == JsonValueKind.Null ? 3 : 2, row.GetProperty("incidents").GetInt64());
        return (row.GetProperty("killed_low").GetInt64(), row.GetProperty("killed_best").GetInt64(),
            row.GetProperty("killed_high").GetInt64(), row.GetProperty("killed_unknown").GetInt64());
    }

    [Fact]
    public async Task Sources_independent_and_all_give_the_documented_figures_with_the_share_of_graded_incidents()
    {
        var independent = await Series("&sources=independent");
        Assert.Equal((21L, 23L, 27L, 1L), Killed(independent));
        Assert.Equal((21L, 23L, 27L, 1L), Killed(await Series("")));
        Assert.Equal((33L, 35L, 75L, 0L), Killed(await Series("&sources=all")));
        Assert.Equal((72L, 72L, 72L, 1L), Killed(await Series("&sources=party")));
        Assert.Equal((3L, 3L, 3L, 1L), Killed(await Series("&min_grade=weak")));

        var sourcing = independent.GetProperty("sourcing");
        Assert.Equal((3L, 0L, 0), (sourcing.GetProperty("incidents").GetInt64(), sourcing.GetProperty("fair_or_better").GetInt64(), sourcing.GetProperty("fair_or_better_percent").GetInt32()));
        Assert.Contains(independent.GetProperty("scope").GetProperty("notes").EnumerateArray(),
            n => n.GetString()!.StartsWith("killed and injured from independent sources", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_sources_or_min_grade_is_a_400_naming_the_parameter()
    {
        using var client = _api.Client(null);
        foreach (var (query, field) in new[] { ("sources=ispr", "sources"), ("min_grade=good", "min_grade") })
        {
            var response = await client.GetAsync($"/api/v1/statistics/series?{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_overview_states_the_share_of_incidents_fair_or_better()
    {
        using var client = _api.Client(null);
        var overview = JsonDocument.Parse(await client.GetStringAsync("/api/v1/statistics/overview?month=2024-03&dataset=all", Ct)).RootElement;
        var sourcing = overview.GetProperty("sourcing");
        Assert.Equal(3, sourcing.GetProperty("incidents").GetInt64());
        Assert.Equal("0 % of incidents fair or better (confirmed 0, fair 0, weak 2, contested 1, discounted 0)", sourcing.GetProperty("text").GetString());
    }
}

/// <summary>An analyst's grade over the derived one, through the incidents API: with its reason, kept as a revision.</summary>
public sealed class GradeOverrideApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _api.Dispose();

    private const string Body = """
        {"date_start": "2024-03-05", "event_type": "armed-assault", "admin1": "KPK", "admin2": "North Waziristan",
         "killed": {"best": 20}, "sources": [{"name": "Dawn", "published": "2024-03-06"}]%EXTRA%}
        """;

    [Fact]
    public async Task An_override_needs_its_reason_and_is_a_revision_that_sets_the_grade()
    {
        var analyst = _api.Client(ApiRole.Analyst);
        var created = await analyst.PostAsync("/api/v1/incidents", Json.Body(Body.Replace("%EXTRA%", "", StringComparison.Ordinal)), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetInt64();

        using var bare = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{id}") { Content = Json.Body(Body.Replace("%EXTRA%", ", \"grade_override\": \"confirmed\"", StringComparison.Ordinal)) };
        bare.Headers.IfMatch.Add(created.Headers.ETag!);
        var refused = await analyst.SendAsync(bare, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("grade_reason", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{id}?reason=checked")
        {
            Content = Json.Body(Body.Replace("%EXTRA%", ", \"grade_override\": \"confirmed\", \"grade_reason\": \"two FIRs name the same toll\"", StringComparison.Ordinal)),
        };
        put.Headers.IfMatch.Add(created.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await analyst.SendAsync(put, Ct)).StatusCode);

        using (var db = Vigil.Storage.Sqlite.SqliteIncidentStore.Open(_api.Database))
        {
            Assert.Equal(Domain.Sources.IncidentGrade.Confirmed, db.Find(id)!.Grade);
            Assert.Contains(db.GetRevisions(id)[^1].Changes, c => c is { Field: "grade_override", After: "confirmed" });
        }
        var series = JsonDocument.Parse(await analyst.GetStringAsync("/api/v1/statistics/series?by=month&from=2024-03&to=2024-03&dataset=own&min_grade=confirmed", Ct)).RootElement;
        Assert.Equal(1, Assert.Single(series.GetProperty("rows").EnumerateArray()).GetProperty("incidents").GetInt64());
    }
}
