using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.TestSupport.Contracts;

namespace Vigil.Server.Tests;

/// <summary>
/// The API's surfaces that take <c>sources</c>, over <see cref="SourceScopeSamples"/>: the incident list's figures add up
/// to the series under the same scope (and to the sums worked by hand), claims take <c>"sources"</c> and say which,
/// the report takes it, and an export refuses it with a 400 naming the parameter.
/// </summary>
public sealed class SourceScopeApiTests : IDisposable
{
    private const string March = "from=2024-03&to=2024-03&dataset=all";
    private readonly ApiFactory _api = new(anonymousRead: true);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public SourceScopeApiTests() => SourceScopeSamples.Seed(_api.Database);

    public void Dispose() => _api.Dispose();

    private async Task<JsonElement> Get(string url)
    {
        using var client = _api.Client(null);
        using var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Theory]
    [InlineData("all")]
    [InlineData("party")]
    public async Task The_incident_list_shows_the_scopes_figures_adding_up_to_its_series(string sources)
    {
        var (low, best, high, unknown) = SourceScopeSamples.March(EnumText<SourceScope>.Parse(sources));
        var series = await Get($"/api/v1/statistics/series?by=month&{March}&sources={sources}");
        var row = Assert.Single(series.GetProperty("rows").EnumerateArray());
        Assert.Equal((low, best, high, unknown), (row.GetProperty("killed_low").GetInt64(), row.GetProperty("killed_best").GetInt64(),
            row.GetProperty("killed_high").GetInt64(), row.GetProperty("killed_unknown").GetInt64()));

        var page = await Get($"/api/v1/incidents?{March}&sources={sources}");
        Assert.Equal(sources, page.GetProperty("scope").GetProperty("sources").GetString());
        var killed = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("killed")).ToList();
        Assert.Equal(SourceScopeSamples.Incidents, killed.Count);
        long? Best(JsonElement k) => k.GetProperty("best").ValueKind == JsonValueKind.Null ? null : k.GetProperty("best").GetInt64();
        Assert.Equal(best, killed.Sum(k => Best(k) ?? 0));
        Assert.Equal(unknown, killed.Count(k => Best(k) is null));
        Assert.Equal(high, killed.Sum(k => k.GetProperty("high").ValueKind == JsonValueKind.Null ? Best(k) ?? 0 : k.GetProperty("high").GetInt64()));
    }

    [Theory]
    [InlineData("independent", "not-checkable")]
    [InlineData("all", "supported")]
    [InlineData("party", "contradicted")]
    public async Task A_claim_takes_its_sources_and_the_verdict_says_which(string sources, string verdict)
    {
        using var client = _api.Client(null);
        using var response = await client.PostAsync("/api/v1/claims/check", new StringContent(
            $$"""{"metric": "killed", "value": 40, "period": "2024-03", "dataset": "all", "sources": "{{sources}}"}""",
            System.Text.Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        var check = JsonDocument.Parse(body).RootElement[0];
        Assert.Equal(verdict, check.GetProperty("verdict").GetString());
        Assert.Equal(sources, check.GetProperty("scope").GetProperty("sources").GetString());

        using var bad = await client.PostAsync("/api/v1/claims/check", new StringContent(
            """{"metric": "killed", "value": 40, "period": "2024-03", "sources": "ispr"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("sources", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("party")]
    public async Task An_export_refuses_another_sources_scope_with_a_400_naming_it(string sources)
    {
        using var client = _api.Client(null);
        using var response = await client.GetAsync($"/api/v1/exports?{March}&sources={sources}&format=csv", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("sources", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_takes_sources_and_min_grade_and_prints_them()
    {
        using var client = _api.Client(null);
        var html = await client.GetStringAsync("/api/v1/reports/monthly?month=2024-03&dataset=all&sources=party", Ct);
        Assert.Contains("party claims alone", html, StringComparison.Ordinal);
        Assert.Contains($"Sourcing: {100 * SourceScopeSamples.FairOrBetter / SourceScopeSamples.Incidents} % of incidents fair or better", html, StringComparison.Ordinal);
        // The overview's figures are those of the same scope: the party claims' 60 + 12.
        var overview = await Get("/api/v1/statistics/overview?month=2024-03&dataset=all&sources=party");
        Assert.Equal(SourceScopeSamples.March(SourceScope.Party).Best, overview.GetProperty("headlines")[1].GetProperty("value").GetInt64());
        Assert.Equal(SourceScopeSamples.FairOrBetter, overview.GetProperty("sourcing").GetProperty("fair_or_better").GetInt64());
        using var bad = await client.GetAsync("/api/v1/reports/monthly?month=2024-03&min_grade=good", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("min_grade", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
