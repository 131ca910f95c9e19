namespace Vigil.Web.Auth;

/// <summary>
/// Where a request carries an API key. The secrets themselves (new keys, their hashes) are
/// <see cref="Application.Access.ApiKeySecrets"/>.
/// </summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";
    /// <summary>The dashboard's sign-in cookie: a server-side session id (see Security.Sessions), never the key itself.</summary>
    public const string Cookie = "vigil_session";
}
