using System.Net;
using System.Text.Json;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Server.Tests;

public sealed class AccountabilityApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Example => File.ReadAllText(RepoFiles.Path_("data", "accountability", "worked-example.yaml"));

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private async Task ImportExample() =>
        Assert.Equal(HttpStatusCode.OK, (await _api.Client(ApiRole.Analyst).PostAsync("/api/v1/accountability/imports", new StringContent(Example), Ct)).StatusCode);

    [Fact]
    public async Task An_analyst_imports_the_worked_example_and_a_viewer_reads_it()
    {
        await ImportExample();
        var viewer = _api.Client(ApiRole.Viewer);

        var engagements = await Read(await viewer.GetAsync("/api/v1/engagements", Ct));
        var commitment = await Read(await viewer.GetAsync("/api/v1/commitments/afg-assurances-ttp-2023-02", Ct));
        var crossings = await Read(await viewer.GetAsync("/api/v1/crossings", Ct));

        Assert.Equal(2, engagements.GetArrayLength());
        Assert.Equal("Afghan interim government", commitment.GetProperty("made_by").GetString());
        Assert.Equal(5, crossings.GetArrayLength());
        Assert.Equal("open", crossings[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_viewer_cannot_write_and_nothing_is_written()
    {
        var viewer = _api.Client(ApiRole.Viewer);
        var import = await viewer.PostAsync("/api/v1/accountability/imports", new StringContent(Example), Ct);
        var score = await viewer.PostAsync("/api/v1/commitments/x/scores", Json.Body("""{"assessed_on":"2024-01-01","score":1,"evidence":"e"}"""), Ct);
        var noKey = await _api.Client(null).GetAsync("/api/v1/scorecard", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, score.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(0, (await Read(await viewer.GetAsync("/api/v1/engagements", Ct))).GetArrayLength());
    }

    [Fact]
    public async Task A_bad_document_is_a_problem_naming_the_field_and_changes_nothing()
    {
        var before = _api.Fingerprint();
        var response = await _api.Client(ApiRole.Analyst).PostAsync("/api/v1/accountability/imports",
            Json.Body("""{"crossings": [{"key": "t", "name": "T", "latitude": 95, "longitude": 70}]}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("crossings[0].latitude", problem, StringComparison.Ordinal);
        Assert.Equal(before, _api.Fingerprint());
    }

    [Fact]
    public async Task Scores_and_status_events_are_added_by_an_analyst()
    {
        await ImportExample();
        var analyst = _api.Client(ApiRole.Analyst);
        var score = await analyst.PostAsync("/api/v1/commitments/afg-assurances-ttp-2023-02/scores",
            Json.Body("""{"assessed_on":"2023-12-01","score":2,"evidence":"arrests reported"}"""), Ct);
        var badScore = await analyst.PostAsync("/api/v1/commitments/afg-assurances-ttp-2023-02/scores",
            Json.Body("""{"assessed_on":"2023-12-01","score":9,"evidence":"x"}"""), Ct);
        var closed = await analyst.PostAsync("/api/v1/crossings/chaman/events", Json.Body("""{"status":"closed","from":"2024-01-10","reason":"test"}"""), Ct);
        var missing = await analyst.PostAsync("/api/v1/crossings/nowhere/events", Json.Body("""{"status":"closed","from":"2024-01-10"}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, score.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badScore.StatusCode);
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var chaman = await Read(await analyst.GetAsync("/api/v1/crossings/chaman", Ct));
        Assert.Equal("closed", chaman.GetProperty("status").GetString());
        Assert.True(chaman.GetProperty("longest").GetProperty("ongoing").GetBoolean());
        var card = (await Read(await analyst.GetAsync("/api/v1/scorecard", Ct))).EnumerateArray().First();
        Assert.Equal(200.0 / 3, card.GetProperty("percent_implemented").GetDouble(), 8);
    }

    [Fact]
    public async Task The_evaluation_endpoint_judges_the_sample_commitment_on_the_bundled_data()
    {
        _api.SeedUcdp();
        await ImportExample();
        var viewer = _api.Client(ApiRole.Viewer);

        var evaluation = await Read(await viewer.GetAsync("/api/v1/commitments/sample-ttp-2014/evaluation", Ct));
        var missing = await viewer.GetAsync("/api/v1/commitments/nope/evaluation", Ct);
        var nearby = await Read(await viewer.GetAsync("/api/v1/crossings/torkham/nearby?radius_km=25", Ct));

        Assert.Equal("interrupted-time-series", evaluation.GetProperty("method").GetString());
        Assert.Equal(0.5, evaluation.GetProperty("rate_ratio").GetDouble(), 10);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(5, nearby.GetProperty("during_closures").GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_new_endpoints()
    {
        var doc = await (await _api.Client(null).GetAsync("/api/v1/openapi.json", Ct)).Content.ReadAsStringAsync(Ct);

        foreach (var path in new[] { "/api/v1/scorecard", "/api/v1/commitments/{key}/evaluation", "/api/v1/crossings/{key}/episodes", "/api/v1/accountability/imports" })
            Assert.Contains($"\"{path}\"", doc, StringComparison.Ordinal);
    }

    public void Dispose() => _api.Dispose();
}
