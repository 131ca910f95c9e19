using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Auth;

/// <summary>
/// API keys: 32 random bytes shown once as "vgl_" + base64url, stored only as their SHA-256. (A key is as
/// strong as a random 256-bit secret, so a fast hash is enough; there is no password to stretch.)
/// </summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";
    /// <summary>The dashboard's sign-in cookie: a server-side session id (see Security.Sessions), never the key itself.</summary>
    public const string Cookie = "vigil_session";

    public static string New() => "vgl_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
