using System.Net;
using System.Text.Json;
using Vigil.Application.Access;
using Vigil.Storage;
using Vigil.Web.Auth;

namespace Vigil.Server.Tests.Security;

/// <summary>Issue 13, defect 4: API key names are checked before a key is stored, and any stored key can be revoked.</summary>
public sealed class ApiKeyNameTests : IDisposable
{
    private readonly ApiFactory _api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadNames =>
        ["amina\nadmin", "amina\0", "a\tb", "a/b", "<b>amina</b>", new string('a', 5000), "..", "-x", "амина", "𝐓𝐓𝐏", " "];

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task Api_key_names_with_control_characters_markup_slashes_or_too_long_are_refused_and_nothing_is_stored(string name)
    {
        var admin = _api.Client(ApiRole.Admin);

        var response = await admin.PostAsync("/api/v1/keys", Json.Body(JsonSerializer.Serialize(new { name, role = "viewer" })), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Text()).RootElement.GetProperty("errors").TryGetProperty("name", out _));
        using var store = Storage.Sqlite.SqliteIncidentStore.Open(_api.Database);
        Assert.Equal(3, store.AccessStore.GetKeys().Count);
        Assert.Contains(store.AccessStore.GetAudit(10), a => a.Action == "POST" && a.Status == 400);
    }

    [Fact]
    public async Task A_good_name_is_created_with_an_escaped_location()
    {
        var response = await _api.Client(ApiRole.Admin).PostAsync("/api/v1/keys", Json.Body("""{"name":"amina.k@ops-1","role":"analyst"}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/keys/amina.k%40ops-1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_key_stored_with_a_slash_before_names_were_checked_can_be_revoked()
    {
        using (var store = Storage.Sqlite.SqliteIncidentStore.Open(_api.Database))
            store.AccessStore.AddKey("a/b", ApiRole.Viewer, ApiKeySecrets.Hash(ApiKeySecrets.New()));

        var response = await _api.Client(ApiRole.Admin).DeleteAsync("/api/v1/keys/a%2Fb", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public void The_api_and_the_cli_share_one_name_rule()
    {
        Assert.NotNull(Vigil.Application.Access.ApiKeyNames.Problem("a\nb"));
        Assert.NotNull(Vigil.Application.Access.ApiKeyNames.Problem(new string('a', 65)));
        Assert.Null(Vigil.Application.Access.ApiKeyNames.Problem("ci-bot_2"));
    }

    public void Dispose() => _api.Dispose();
}
