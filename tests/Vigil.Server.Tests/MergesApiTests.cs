using System.Net;
using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Server.Tests;

public sealed class MergesApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    /// <summary>A stored incident (as a dataset records it) and two news reports of it in the review queue.</summary>
    private (long Incident, IReadOnlyList<long> Candidates) Setup()
    {
        using var store = SqliteIncidentStore.Open(_api.Database);
        var incident = store.Create(new Incident
        {
            SourceRecord = new SourceRecordKey("ucdp-ged", "425055"),
            Date = IncidentDate.OnDay(new DateOnly(2023, 3, 6)),
            Place = new Place { Country = "Pakistan", Admin1 = "Balochistan", Admin2 = "Quetta" },
            EventType = EventType.ArmedClash,
            Killed = CasualtyCount.Exactly(12),
        }, new ChangeContext("import", null));
        string[] texts = ["At least 12 people were killed in a bombing in Quetta on Monday.", "Twelve people died when a bomb went off in Quetta yesterday."];
        var ids = new CandidateQueue(store).Add([.. texts.Select((text, i) => ReportCandidates.From($"n{i}", text, new DateOnly(2023, 3, 7)))]);
        return (incident.Id, ids);
    }

    [Fact]
    public async Task The_plan_shows_reports_matching_a_stored_incident_and_a_viewer_cannot_apply_it()
    {
        var (incident, candidates) = Setup();
        var viewer = _api.Client(ApiRole.Viewer);

        var plan = Parse(await viewer.GetStringAsync("/api/v1/merges/plan", Ct));
        var group = Assert.Single(plan.GetProperty("groups").EnumerateArray());
        Assert.Equal("into-existing", group.GetProperty("outcome").GetString());
        Assert.Equal(incident, group.GetProperty("into_incident").GetInt64());
        Assert.Equal(candidates, group.GetProperty("candidates").EnumerateArray().Select(c => c.GetInt64()));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/merges/apply", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync("/api/v1/merges/plan?window=99", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_analyst_applies_the_merge_sees_the_reports_behind_the_incident_and_undoes_it()
    {
        var (incident, candidates) = Setup();
        var analyst = _api.Client(ApiRole.Analyst);

        var applied = Parse(await (await analyst.PostAsync("/api/v1/merges/apply", null, Ct)).Content.ReadAsStringAsync(Ct));
        var merge = Assert.Single(applied.GetProperty("merges").EnumerateArray());
        Assert.True(merge.GetProperty("into_existing").GetBoolean());
        Assert.Equal(incident, merge.GetProperty("incident").GetInt64());

        var behind = Parse(await analyst.GetStringAsync($"/api/v1/incidents/{incident}/reports", Ct));
        Assert.Equal(candidates, behind.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        var sources = Parse(await analyst.GetStringAsync($"/api/v1/incidents/{incident}", Ct)).GetProperty("sources");
        Assert.Equal(2, sources.GetArrayLength());

        var undo = await analyst.PostAsync($"/api/v1/merges/{merge.GetProperty("merge").GetInt64()}/undo", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, undo.StatusCode);
        Assert.Empty(Parse(await analyst.GetStringAsync($"/api/v1/incidents/{incident}/reports", Ct)).EnumerateArray());
        Assert.Equal(0, Parse(await analyst.GetStringAsync($"/api/v1/incidents/{incident}", Ct)).TryGetProperty("sources", out var after) ? after.GetArrayLength() : 0);
        var listed = Assert.Single(Parse(await analyst.GetStringAsync("/api/v1/merges", Ct)).EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("undone_at").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync($"/api/v1/merges/{merge.GetProperty("merge").GetInt64()}/undo", null, Ct)).StatusCode);
    }

    public void Dispose() => _api.Dispose();
}
