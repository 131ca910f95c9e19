using System.Net;
using System.Net.Http.Headers;
using Vigil.Storage;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 10: refused and failed writes are audited, and the audit says only what happened.</summary>
public sealed class AuditGapTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IReadOnlyList<AuditEntry> Audit()
    {
        using var store = Storage.Sqlite.SqliteIncidentStore.Open(_api.Database);
        return store.AccessStore.GetAudit(100);
    }

    [Fact]
    public async Task Refused_writes_are_audited_with_their_status()
    {
        var incident = _api.Seed(1)[0];
        var noKey = await _api.Client(null).PostAsync("/api/v1/incidents", Json.Body("{}"), Ct);
        var badKey = await _api.ClientWithKey("vgl_wrong").PostAsync("/api/v1/incidents", Json.Body("{}"), Ct);
        var viewer = await _api.Client(ApiRole.Viewer).PostAsync("/api/v1/incidents", Json.Body("{}"), Ct);
        var noIfMatch = await _api.Client(ApiRole.Analyst).PutAsync($"/api/v1/incidents/{incident.Id}", Json.Body("{}"), Ct);
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/incidents/{incident.Id}")
        {
            Content = Json.Body("""{"date_start":"2020-01-01","event_type":"bombing"}"""),
        };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{incident.Id}-99\""));
        var staleEdit = await _api.Client(ApiRole.Analyst).SendAsync(stale, Ct);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.PreconditionRequired, HttpStatusCode.PreconditionFailed],
            new[] { noKey, badKey, viewer, noIfMatch, staleEdit }.Select(r => r.StatusCode));
        var audit = Audit();
        Assert.Contains(audit, a => a.Status == 401 && a.Actor == "anonymous");
        Assert.Contains(audit, a => a.Status == 401 && a.Actor == "refused-key");
        Assert.Contains(audit, a => a.Status == 403 && a.Actor == "key:viewer");
        Assert.Contains(audit, a => a.Status == 428 && a.Actor == "key:analyst");
        Assert.Contains(audit, a => a.Status == 412 && a.Actor == "key:analyst");
        Assert.All(audit.Where(a => a.Status >= 400), a => Assert.Equal("refused", a.Detail));
    }

    [Fact]
    public async Task A_write_that_fails_inside_the_server_is_audited_as_failed()
    {
        _api.Seed(1);
        _ = _api.Server;
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_api.Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE incidents RENAME TO incidents_gone";
            command.ExecuteNonQuery();
        }

        var response = await _api.Client(ApiRole.Analyst).PostAsync("/api/v1/incidents", Json.Body("""{"date_start":"2020-01-01","event_type":"bombing"}"""), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(Audit(), a => a.Status == 500 && a.Actor == "key:analyst" && a.Detail == "failed: internal error");
    }

    [Fact]
    public async Task Revoking_a_key_that_does_not_exist_is_audited_as_refused_not_as_revoked()
    {
        var response = await _api.Client(ApiRole.Admin).DeleteAsync("/api/v1/keys/nobody", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var entry = Assert.Single(Audit(), a => a.Target.Contains("nobody", StringComparison.Ordinal));
        Assert.Equal(404, entry.Status);
        Assert.DoesNotContain("revoked", entry.Detail ?? "", StringComparison.Ordinal);
    }

    public void Dispose() => _api.Dispose();
}
