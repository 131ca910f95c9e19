using System.Security.Claims;
using Vigil.Domain.Text;
using Vigil.Storage;
using Vigil.Web.Auth;

namespace Vigil.Dashboard.Shell;

/// <summary>
/// Who is looking at a page: the API key's name and role when one was sent (the sign-in cookie), and whether
/// a key was sent that the server does not accept (revoked, mistyped), so the page can say so.
/// </summary>
public sealed record Viewer(string? Name, ApiRole? Role, bool KeyRejected)
{
    public bool SignedIn => Name is not null;

    public string RoleName => Role is { } r ? EnumText<ApiRole>.Format(r) : "anonymous";

    public static Viewer Of(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is { IsAuthenticated: true, Name: { } name })
        {
            var role = EnumText<ApiRole>.TryParse(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : (ApiRole?)null;
            return new Viewer(name, role, false);
        }
        // A key or session was sent (cookie or header) and yet nobody is signed in: the handler refused it.
        var request = context.Request;
        var sentKey = request.Cookies.ContainsKey(ApiKeys.Cookie) || request.Headers.ContainsKey(ApiKeys.Header)
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        return new Viewer(null, null, sentKey);
    }
}
