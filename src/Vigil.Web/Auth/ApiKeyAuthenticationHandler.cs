using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Vigil.Application.Access;
using Vigil.Application.Logging;
using Vigil.Domain.Text;
using Vigil.Storage;
using Vigil.Web.Security;
using Vigil.Web.Stores;

namespace Vigil.Web.Auth;

/// <summary>
/// Reads the API key from the X-Api-Key header (or "Authorization: Bearer"), or the dashboard's session
/// cookie, and turns it into a principal with the key's name and role. No key: no identity (anonymous). A
/// key that is not live, an unknown or expired session, or a cookie on a write from another site: failure,
/// so the request gets 401 instead of being treated as anonymous.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StoreAccess stores, Sessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>Set in HttpContext.Items when a credential was sent and refused (the rate limiter keeps those apart).</summary>
    public const string RefusedKey = "vigil.auth.refused";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? keyHash;
        if (HeaderKey(Request) is { } key)
        {
            keyHash = ApiKeySecrets.Hash(key);
        }
        else if (Request.Cookies.TryGetValue(ApiKeys.Cookie, out var session) && !string.IsNullOrWhiteSpace(session))
        {
            keyHash = sessions.KeyHashOf(session);
            if (keyHash is null)
                return Refuse("the sign-in session has expired or ended; sign in again");
            if (!CookieRequests.MayUse(Request, out var why))
                return Refuse(why!);
        }
        else
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        using var db = stores.Open();
        var record = db.Access.FindKey(keyHash);
        if (record is null)
        {
            sessions.EndAllOf(keyHash);
            return Refuse("unknown or revoked API key");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, record.Name),
            new Claim(ClaimTypes.Role, EnumText<ApiRole>.Format(record.Role)),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private Task<AuthenticateResult> Refuse(string why)
    {
        Context.Items[RefusedKey] = true;
        VigilLog.AuthenticationFailed(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString(), why);
        return Task.FromResult(AuthenticateResult.Fail(why));
    }

    private static string? HeaderKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeys.Header, out var header) && header.Count > 0 && !string.IsNullOrWhiteSpace(header[0]))
            return header[0]!.Trim();
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization[7..].Trim();
        return null;
    }
}
