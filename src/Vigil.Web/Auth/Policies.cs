using Microsoft.AspNetCore.Authorization;
using Vigil.Domain.Text;
using Vigil.Storage;

namespace Vigil.Web.Auth;

/// <summary>
/// The three policies endpoints ask for. Reading needs a viewer key or higher — or nothing at all when the
/// server allows anonymous reading; writing needs an analyst; keys, imports and deletions need an admin.
/// </summary>
public static class Policies
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options, bool anonymousRead)
    {
        static string[] AtLeast(ApiRole role) => [.. Enum.GetValues<ApiRole>().Where(r => r >= role).Select(EnumText<ApiRole>.Format)];

        options.AddPolicy(Read, anonymousRead
            ? p => p.RequireAssertion(_ => true)
            : p => p.RequireRole(AtLeast(ApiRole.Viewer)));
        options.AddPolicy(Write, p => p.RequireRole(AtLeast(ApiRole.Analyst)));
        options.AddPolicy(Admin, p => p.RequireRole(AtLeast(ApiRole.Admin)));
    }
}
