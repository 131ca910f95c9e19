namespace Vigil.Server.Auth;

/// <summary>API keys over HTTP: where a request carries one; the secrets themselves are <see cref="Application.Access.ApiKeySecrets"/>.</summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";
    /// <summary>The dashboard's sign-in cookie: a server-side session id (see Security.Sessions), never the key itself.</summary>
    public const string Cookie = "vigil_session";

    public static string New() => Application.Access.ApiKeySecrets.New();

    public static string Hash(string key) => Application.Access.ApiKeySecrets.Hash(key);
}
