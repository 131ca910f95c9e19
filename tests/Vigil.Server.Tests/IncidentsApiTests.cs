using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Server.Tests;

public sealed class IncidentsApiTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Valid = """
        {"date_start": "2021-03-04", "event_type": "suicide-bombing", "admin1": "KPK", "admin2": "Khyber agency",
         "perpetrator": "Tehrik-i-Taliban Pakistan", "killed": {"low": 12, "best": 12, "high": null, "phrase": "at least 12"},
         "injured": {"best": 30}, "sources": [{"name": "Dawn", "published": "2021-03-05", "headline": "Blast in Jamrud", "url": "https://example.org/a"}]}
        """;

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public async Task An_analyst_creates_an_incident_that_is_normalised_and_gets_an_etag()
    {
        var response = await _api.Client(ApiRole.Analyst).PostAsync("/api/v1/incidents", Json.Body(Valid), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Khyber Pakhtunkhwa", body.GetProperty("admin1").GetString());
        Assert.Equal("KPK", body.GetProperty("admin1_raw").GetString());
        Assert.Equal("Khyber", body.GetProperty("admin2").GetString());
        Assert.Equal("TTP", body.GetProperty("perpetrator").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("killed").GetProperty("high").ValueKind);
        Assert.Equal($"\"{body.GetProperty("id").GetInt64()}-1\"", response.Headers.ETag!.Tag);
        Assert.Equal($"/api/v1/incidents/{body.GetProperty("id").GetInt64()}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_edit_with_the_current_etag_is_saved_as_a_revision()
    {
        var incident = _api.Seed(1)[0];
        var analyst = _api.Client(ApiRole.Analyst);
        var get = await analyst.GetAsync($"/api/v1/incidents/{incident.Id}", Ct);

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{incident.Id}?reason=corrected%20toll") { Content = Json.Body(Valid) };
        put.Headers.IfMatch.Add(get.Headers.ETag!);
        var response = await analyst.SendAsync(put, Ct);
        var revisions = Parse(await (await analyst.GetAsync($"/api/v1/incidents/{incident.Id}/revisions", Ct)).Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{incident.Id}-2\"", response.Headers.ETag!.Tag);
        var last = revisions[revisions.GetArrayLength() - 1];
        Assert.Equal("key:analyst", last.GetProperty("author").GetString());
        Assert.Equal("corrected toll", last.GetProperty("reason").GetString());
        Assert.Contains(last.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "killed_best"
            && c.GetProperty("before").GetString() == "10" && c.GetProperty("after").GetString() == "12");
        Assert.Equal("test", Parse(await response.Content.ReadAsStringAsync(Ct)).GetProperty("dataset").GetString());
    }

    [Fact]
    public async Task A_stale_etag_gets_412_and_the_other_edit_survives()
    {
        var incident = _api.Seed(1)[0];
        var first = _api.Client(ApiRole.Analyst);
        var etag = (await first.GetAsync($"/api/v1/incidents/{incident.Id}", Ct)).Headers.ETag!;
        using var one = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{incident.Id}") { Content = Json.Body(Valid) };
        one.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await first.SendAsync(one, Ct)).StatusCode);
        var before = _api.Fingerprint();

        using var two = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{incident.Id}")
        { Content = Json.Body(Valid.Replace("\"best\": 30", "\"best\": 99", StringComparison.Ordinal)) };
        two.Headers.IfMatch.Add(etag);
        var stale = await _api.Client(ApiRole.Analyst).SendAsync(two, Ct);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        Assert.Equal(2, Parse(await stale.Content.ReadAsStringAsync(Ct)).GetProperty("current_revision").GetInt32());
        Assert.Equal(before, _api.Fingerprint());
    }

    [Fact]
    public async Task An_edit_without_if_match_gets_428()
    {
        var incident = _api.Seed(1)[0];

        var response = await _api.Client(ApiRole.Analyst).PutAsync($"/api/v1/incidents/{incident.Id}", Json.Body(Valid), Ct);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"event_type":"bombing"}""", "date_start")]
    [InlineData("""{"date_start":"2020-01-01"}""", "event_type")]
    [InlineData("""{"date_start":"2020-01-01","event_type":"riot"}""", "event_type")]
    [InlineData("""{"date_start":"2020-01-01","event_type":"bombing","latitude":95,"longitude":70}""", "latitude")]
    [InlineData("""{"date_start":"2020-01-01","event_type":"bombing","killed":{"best":-3}}""", "killed.best")]
    [InlineData("""{"date_start":"0025-01-01","event_type":"bombing"}""", "date_start")]
    [InlineData("""{"date_start":"2020-01-05","date_end":"2020-01-01","event_type":"bombing"}""", "date_end")]
    [InlineData("""{"date_start":"2020-01-01","event_type":"bombing","latitude":"north"}""", "latitude")]
    [InlineData("""{"date_start":"2020-01-01","event_type":"bombing","sources":[{"name":"x","url":"javascript:alert(1)"}]}""", "sources.url")]
    [InlineData("""{"date_start":"2020-01-01","event_type":"bombing","killed_breakdown":{"civilians":-1}}""", "killed_breakdown.civilians")]
    [InlineData("""{"date_start":"2020-01-01","event_type":"bombing","attribution":"sure"}""", "attribution")]
    [InlineData("not json at all", "body")]
    [InlineData("""{"date_start":"2020-01-01","event_type":"bombing","provnce":"Sindh"}""", "provnce")]
    [InlineData("""{"date_start":"2020-01-01","event_type":"bombing","killed":{"bset":3}}""", "killed.bset")]
    public async Task Bad_input_to_create_or_edit_gets_problem_details_naming_the_field_and_writes_nothing(string json, string field)
    {
        var incident = _api.Seed(1)[0];
        var analyst = _api.Client(ApiRole.Analyst);
        var before = _api.Fingerprint();

        var created = await analyst.PostAsync("/api/v1/incidents", Json.Body(json), Ct);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{incident.Id}") { Content = Json.Body(json) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{incident.Id}-1\""));
        var edited = await analyst.SendAsync(put, Ct);

        foreach (var response in new[] { created, edited })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem}");
        }
        Assert.Equal(before, _api.Fingerprint());
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_writes_nothing()
    {
        var before = _api.Fingerprint();
        var notes = new string('x', 2 * 1024 * 1024);

        var response = await _api.Client(ApiRole.Analyst).PostAsync("/api/v1/incidents",
            Json.Body($$"""{"date_start":"2020-01-01","event_type":"bombing","notes":"{{notes}}"}"""), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, _api.Fingerprint());
    }

    [Fact]
    public async Task A_deletion_needs_the_etag_hides_the_incident_and_is_a_revision()
    {
        var incident = _api.Seed(1)[0];
        var admin = _api.Client(ApiRole.Admin);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/incidents/{incident.Id}?reason=duplicate");
        delete.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{incident.Id}-1\""));

        var deleted = await admin.SendAsync(delete, Ct);
        var get = await admin.GetAsync($"/api/v1/incidents/{incident.Id}", Ct);
        var revisions = Parse(await (await admin.GetAsync($"/api/v1/incidents/{incident.Id}/revisions", Ct)).Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("delete", revisions[revisions.GetArrayLength() - 1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_list_filters_sorts_and_pages()
    {
        _api.Seed(5);
        var viewer = _api.Client(ApiRole.Viewer);

        var page = Parse(await (await viewer.GetAsync("/api/v1/incidents?sort=killed&desc=true&page=2&page_size=2&min_killed=20", Ct)).Content.ReadAsStringAsync(Ct));
        var bad = await viewer.GetAsync("/api/v1/incidents?page_size=100000", Ct);

        Assert.Equal(4, page.GetProperty("total").GetInt64());
        Assert.Equal([30, 20], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("killed").GetProperty("best").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(Parse(await bad.Content.ReadAsStringAsync(Ct)).GetProperty("errors").TryGetProperty("page_size", out _));
    }

    [Fact]
    public async Task Following_next_cursor_walks_every_incident_once_however_deep()
    {
        var seeded = _api.Seed(7);
        var viewer = _api.Client(ApiRole.Viewer);
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/incidents?page_size=3" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = Parse(await (await viewer.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seeded.OrderByDescending(i => i.Date.Start).Select(i => i.Id), seen);
    }

    [Fact]
    public async Task A_page_number_too_deep_points_to_the_cursor()
    {
        var response = await _api.Client(ApiRole.Viewer).GetAsync("/api/v1/incidents?page=1000&page_size=500", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("next_cursor", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_incident_is_a_404_problem()
    {
        var response = await _api.Client(ApiRole.Viewer).GetAsync("/api/v1/incidents/424242", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    public void Dispose() => _api.Dispose();
}
