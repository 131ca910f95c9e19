using Microsoft.AspNetCore.Authorization;
using Vigil.Web.Auth;

namespace Vigil.Dashboard.Shell;

/// <summary>
/// Role checks for pages. Unlike the API, a page that is not allowed still answers with a page: no key
/// (or a rejected one) gets a link to sign in (401); a key whose role is too low gets a 403 page saying
/// which role is needed.
/// </summary>
internal static class PageAccess
{
    /// <summary>Null when the viewer may use the page; otherwise the page to show instead.</summary>
    public static async Task<IResult?> CheckAsync(HttpContext context, PageChrome chrome, string policy)
    {
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(context.User, policy)).Succeeded)
            return null;
        var role = policy switch
        {
            Policies.Write => "analyst",
            Policies.Admin => "admin",
            _ => "viewer",
        };
        var viewer = chrome.Viewer;
        if (!viewer.SignedIn)
        {
            var why = viewer.KeyRejected
                ? "The API key you signed in with is no longer accepted (it may have been revoked). "
                : "";
            return Pages.Message(chrome, StatusCodes.Status401Unauthorized, "Sign in needed",
                $"{why}This page needs an API key with the {role} role or higher.", "Sign in with an API key", chrome.SignInLink);
        }
        return Pages.Message(chrome, StatusCodes.Status403Forbidden, "Not allowed with this key",
            $"You are signed in as {viewer.Name}, with the {viewer.RoleName} role. This page needs the {role} role or higher: ask an administrator for such a key, then sign in with it.",
            "Sign in with another key", chrome.SignInLink);
    }
}
