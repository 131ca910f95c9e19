using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Vigil.Domain.Text;
using Vigil.Storage;

namespace Vigil.Server.Auth;

/// <summary>
/// Reads the API key from the X-Api-Key header (or "Authorization: Bearer", or the dashboard's cookie) and
/// turns it into a principal with the key's name and role. No key: no identity (anonymous). A key that is
/// not live: failure, so the request gets 401 instead of being treated as anonymous.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StoreAccess stores)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (key is null)
            return Task.FromResult(AuthenticateResult.NoResult());
        using var db = stores.Open();
        var store = db.Incidents;
        var record = db.Access.FindKey(ApiKeys.Hash(key));
        if (record is null)
            return Task.FromResult(AuthenticateResult.Fail("unknown or revoked API key"));
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, record.Name),
            new Claim(ClaimTypes.Role, EnumText<ApiRole>.Format(record.Role)),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private static string? KeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeys.Header, out var header) && header.Count > 0 && !string.IsNullOrWhiteSpace(header[0]))
            return header[0]!.Trim();
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization[7..].Trim();
        return request.Cookies.TryGetValue(ApiKeys.Cookie, out var cookie) && !string.IsNullOrWhiteSpace(cookie) ? cookie : null;
    }
}
