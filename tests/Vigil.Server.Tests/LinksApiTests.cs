using System.Net;
using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Server.Tests;

public sealed class LinksApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    /// <summary>Two datasets: one attack in Quetta recorded by both, one in Peshawar that "b" records twice alike (ambiguous).</summary>
    private void Setup() => TwoDatasets.Seed(_api.Database);

    [Fact]
    public async Task An_analyst_builds_links_a_viewer_lists_them_paged_and_the_writes_are_audited()
    {
        Setup();
        var viewer = _api.Client(ApiRole.Viewer);
        var analyst = _api.Client(ApiRole.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/links/build?dataset=a&dataset=b", null, Ct)).StatusCode);

        var built = await analyst.PostAsync("/api/v1/links/build?dataset=a&dataset=b", null, Ct);
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        var r = Parse(await built.Content.ReadAsStringAsync(Ct));
        Assert.Equal((1, 2, 1), (r.GetProperty("linked").GetInt32(), r.GetProperty("ambiguous").GetInt32(), r.GetProperty("ambiguous_records").GetInt32()));

        var page = await viewer.GetAsync("/api/v1/links?status=ambiguous&limit=1", Ct);
        Assert.Equal("2", page.Headers.GetValues("X-Total-Count").Single());
        var ambiguous = Assert.Single(Parse(await page.Content.ReadAsStringAsync(Ct)).EnumerateArray());
        Assert.Equal("ambiguous", ambiguous.GetProperty("status").GetString());
        var second = Parse(await viewer.GetStringAsync("/api/v1/links?status=ambiguous&limit=1&offset=1", Ct));
        Assert.NotEqual(ambiguous.GetProperty("id").GetInt64(), second[0].GetProperty("id").GetInt64());

        var id = ambiguous.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/links/{id}/confirm", null, Ct)).StatusCode);
        var confirmed = Parse(await (await analyst.PostAsync($"/api/v1/links/{id}/confirm?reason=same+attack", null, Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(("linked", "key:analyst", "same attack"),
            (confirmed.GetProperty("status").GetString(), confirmed.GetProperty("decided_by").GetString(), confirmed.GetProperty("decision_reason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsync($"/api/v1/links/{id}/confirm", null, Ct)).StatusCode);
        var other = second[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync($"/api/v1/links/{other}/reject", null, Ct)).StatusCode);
        Assert.Equal("1", (await viewer.GetAsync("/api/v1/links?dataset=a&dataset=b&status=rejected", Ct)).Headers.GetValues("X-Total-Count").Single());

        using var store = SqliteIncidentStore.Open(_api.Database);
        var audit = store.AccessStore.GetAudit(50);
        Assert.Contains(audit, e => e.Target.StartsWith("/api/v1/links/build", StringComparison.Ordinal) && e.Status == 200 && e.Detail!.Contains("1 linked", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Target.StartsWith($"/api/v1/links/{id}/confirm", StringComparison.Ordinal) && e.Status == 200);
    }

    [Fact]
    public async Task A_combined_list_shows_a_linked_event_once_with_the_other_datasets_record()
    {
        Setup();
        var analyst = _api.Client(ApiRole.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync("/api/v1/links/build?dataset=a&dataset=b", null, Ct)).StatusCode);

        var separate = Parse(await analyst.GetStringAsync("/api/v1/incidents?dataset=a", Ct)).GetProperty("total").GetInt64()
            + Parse(await analyst.GetStringAsync("/api/v1/incidents?dataset=b", Ct)).GetProperty("total").GetInt64();
        var page = Parse(await analyst.GetStringAsync("/api/v1/incidents?dataset=a&dataset=b", Ct));

        // Five records; the Quetta attack that a and b both record (linked) is one event; the Peshawar pair is only ambiguous.
        Assert.Equal(5, separate);
        Assert.Equal(4, page.GetProperty("total").GetInt64());
        var quetta = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("admin2").GetString() == "Quetta");
        Assert.Equal("a", quetta.GetProperty("dataset").GetString());
        var linked = page.GetProperty("linked").GetProperty(quetta.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("b", Assert.Single(linked.EnumerateArray()).GetProperty("dataset").GetString());
        Assert.True(page.GetProperty("scope").GetProperty("linked").GetBoolean());
    }

    [Theory]
    [InlineData("/api/v1/links?limit=501", "limit")]
    [InlineData("/api/v1/links?limit=0", "limit")]
    [InlineData("/api/v1/links?offset=-1", "offset")]
    [InlineData("/api/v1/links?status=maybe", "status")]
    [InlineData("/api/v1/links?dataset=a&dataset=b&dataset=c", "dataset")]
    public async Task Bad_list_parameters_are_400s_naming_the_parameter(string url, string parameter)
    {
        var response = await _api.Client(ApiRole.Viewer).GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Parse(await response.Content.ReadAsStringAsync(Ct)).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/api/v1/links/build?dataset=a", "dataset")]
    [InlineData("/api/v1/links/build?dataset=a&dataset=nope", "dataset")]
    [InlineData("/api/v1/links/build?dataset=a&dataset=a", "dataset")]
    [InlineData("/api/v1/links/build?dataset=a&dataset=b&window_days=31", "window_days")]
    public async Task Bad_builds_are_400s_naming_the_parameter_and_store_nothing(string url, string parameter)
    {
        Setup();
        var analyst = _api.Client(ApiRole.Analyst);
        var response = await analyst.PostAsync(url, null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Parse(await response.Content.ReadAsStringAsync(Ct)).GetProperty("errors").TryGetProperty(parameter, out _));
        Assert.Equal("0", (await analyst.GetAsync("/api/v1/links", Ct)).Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task Deciding_an_unknown_link_is_a_404()
    {
        var analyst = _api.Client(ApiRole.Analyst);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync("/api/v1/links/4242/reject", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync("/api/v1/links/abc/confirm", null, Ct)).StatusCode);
    }

    public void Dispose() => _api.Dispose();
}
