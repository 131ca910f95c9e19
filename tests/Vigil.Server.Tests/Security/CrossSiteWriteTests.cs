using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Application.Access;
using Vigil.Storage;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Security;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 1: cross-site writes through the sign-in cookie, and what the cookie holds.</summary>
public sealed class CrossSiteWriteTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("POST", "/api/v1/review/1/reject")]
    [InlineData("POST", "/api/v1/imports")]
    [InlineData("POST", "/api/v1/incidents")]
    [InlineData("DELETE", "/api/v1/keys/viewer")]
    [InlineData("POST", "/api/v1/keys")]
    public async Task Cross_site_writes_through_the_sign_in_cookie_are_refused(string method, string path)
    {
        var fingerprint = _api.Fingerprint();
        var foreign = _api.SessionClient(ApiRole.Admin, origin: "https://evil.example");
        var noOrigin = _api.SessionClient(ApiRole.Admin);

        foreach (var client in new[] { foreign, noOrigin })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json.Body("""{"name":"x","role":"admin"}""") };
            var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.Equal(fingerprint, _api.Fingerprint());
    }

    [Fact]
    public async Task A_cookie_write_from_this_sites_own_origin_is_accepted_and_reads_need_no_origin()
    {
        var own = _api.SessionClient(ApiRole.Admin, origin: "http://localhost");
        var reader = _api.SessionClient(ApiRole.Viewer);

        var created = await own.PostAsync("/api/v1/keys", Json.Body("""{"name":"made-by-browser","role":"viewer"}"""), Ct);
        var read = await reader.GetAsync("/api/v1/incidents", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Sign_in_sessions_end_with_their_key_at_sign_out_and_at_the_next_sign_in()
    {
        var sessions = _api.Services.GetRequiredService<Sessions>();
        var hash = ApiKeySecrets.Hash(_api.Keys[ApiRole.Viewer]);
        var first = sessions.Start(hash, replacing: null);
        var rotated = sessions.Start(hash, replacing: first);
        Assert.Null(sessions.KeyHashOf(first));
        Assert.Equal(hash, sessions.KeyHashOf(rotated));
        Assert.NotEqual(first, rotated);
        Assert.DoesNotContain(_api.Keys[ApiRole.Viewer], rotated, StringComparison.Ordinal);

        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{ApiKeys.Cookie}={rotated}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/incidents", Ct)).StatusCode);
        using (var store = Storage.Sqlite.SqliteIncidentStore.Open(_api.Database))
            store.AccessStore.RevokeKey("viewer");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/incidents", Ct)).StatusCode);
        Assert.Null(sessions.KeyHashOf(rotated));
    }

    [Fact]
    public void Sign_in_sessions_expire()
    {
        var clock = new Vigil.TestSupport.TestClock();
        var sessions = new Sessions(clock, new ServerOptions { Database = "x", SessionLifetime = TimeSpan.FromHours(1) });
        var id = sessions.Start("hash", null);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal("hash", sessions.KeyHashOf(id));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(sessions.KeyHashOf(id));
    }

    public void Dispose() => _api.Dispose();
}
