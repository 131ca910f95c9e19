using System.Net;
using Vigil.Storage;

namespace Vigil.Server.Tests;

public sealed class AccessTests : IDisposable
{
    private readonly ApiFactory _api = new();

    [Fact]
    public async Task Without_a_key_reading_is_refused_with_401()
    {
        var response = await _api.Client(null).GetAsync("/api/v1/incidents", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_bad_or_revoked_key_gets_401()
    {
        var bad = await _api.ClientWithKey("vgl_not-a-key").GetAsync("/api/v1/incidents", TestContext.Current.CancellationToken);
        using (var store = Storage.Sqlite.SqliteIncidentStore.Open(_api.Database))
            store.AccessStore.RevokeKey("viewer");
        var revoked = await _api.Client(ApiRole.Viewer).GetAsync("/api/v1/incidents", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_write()
    {
        var ct = TestContext.Current.CancellationToken;
        var viewer = _api.Client(ApiRole.Viewer);

        var read = await viewer.GetAsync("/api/v1/incidents", ct);
        var write = await viewer.PostAsync("/api/v1/incidents", Json.Body("""{"date_start":"2020-01-01","event_type":"bombing"}"""), ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_deletes_and_manages_keys()
    {
        var ct = TestContext.Current.CancellationToken;
        var incident = _api.Seed(1)[0];
        var analyst = _api.Client(ApiRole.Analyst);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/incidents/{incident.Id}");
        delete.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{incident.Id}-1\""));

        var byAnalyst = await analyst.SendAsync(delete, ct);
        var keysByAnalyst = await analyst.GetAsync("/api/v1/keys", ct);
        var keysByAdmin = await _api.Client(ApiRole.Admin).GetAsync("/api/v1/keys", ct);

        Assert.Equal(HttpStatusCode.Forbidden, byAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, keysByAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keysByAdmin.StatusCode);
        Assert.DoesNotContain(_api.Keys[ApiRole.Admin], await keysByAdmin.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_reading_is_an_explicit_setting_and_never_allows_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var open = new ApiFactory(anonymousRead: true);
        var anonymous = open.Client(null);

        var read = await anonymous.GetAsync("/api/v1/incidents", ct);
        var write = await anonymous.PostAsync("/api/v1/incidents", Json.Body("""{"date_start":"2020-01-01","event_type":"bombing"}"""), ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Fact]
    public async Task A_key_over_its_rate_limit_gets_429()
    {
        var ct = TestContext.Current.CancellationToken;
        using var limited = new ApiFactory(requestsPerMinute: 3);
        var client = limited.Client(ApiRole.Viewer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.GetAsync("/api/v1/datasets", ct)).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Keys_created_through_the_api_work_once_shown_and_every_write_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = _api.Client(ApiRole.Admin);

        var created = await admin.PostAsync("/api/v1/keys", Json.Body("""{"name":"amina","role":"analyst"}"""), ct);
        var key = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("key").GetString()!;
        var write = await _api.ClientWithKey(key).PostAsync("/api/v1/incidents", Json.Body("""{"date_start":"2020-01-01","event_type":"bombing","admin1":"KPK"}"""), ct);
        var audit = await (await admin.GetAsync("/api/v1/audit", ct)).Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Contains("\"actor\":\"key:amina\"", audit, StringComparison.Ordinal);
        Assert.Contains("\"actor\":\"key:admin\"", audit, StringComparison.Ordinal);
    }

    public void Dispose() => _api.Dispose();
}
