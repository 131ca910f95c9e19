using Vigil.Application.Access;
using Vigil.Dashboard.Shell;
using Vigil.Web.Auth;
using Vigil.Web.Security;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.SignIn;

/// <summary>
/// /signin and /signout. Signing in checks a pasted API key against the store and starts a server-side
/// session (Security.Sessions); the <c>vigil_session</c> cookie (HttpOnly, SameSite=Strict, Secure over
/// https) holds only its random id, rotated at every sign-in. Signing out ends the session and deletes the
/// cookie; revoking the key ends it too.
/// </summary>
internal static class SignInEndpoints
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext context) =>
            Pages.Render<SignInPage>(PageChrome.For(context), new SignInModel(SafeReturn(QueryText.One(context.Request.Query, "return")), null)))
            .ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync).ExcludeFromDescription();
        app.MapPost("/signout", (Delegate)SignOutAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, StoreAccess stores, Sessions sessions)
    {
        var chrome = PageChrome.For(context);
        if (!await FormToken.IsValidAsync(context))
            return Pages.FormExpired(chrome);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var back = SafeReturn(form["return"]);
        var key = form["key"].ToString().Trim();
        if (key.Length == 0)
            return Pages.Render<SignInPage>(chrome, new SignInModel(back, "Paste an API key."), StatusCodes.Status400BadRequest);
        using (var db = stores.Open())
        {
            if (db.Access.FindKey(ApiKeySecrets.Hash(key)) is null)
                return Pages.Render<SignInPage>(chrome, new SignInModel(back, "This key is not known, or it has been revoked."), StatusCodes.Status400BadRequest);
        }
        var old = context.Request.Cookies.TryGetValue(ApiKeys.Cookie, out var previous) ? previous : null;
        context.Response.Cookies.Append(ApiKeys.Cookie, sessions.Start(ApiKeySecrets.Hash(key), replacing: old), Cookie(context));
        return Results.Redirect(back);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, Sessions sessions)
    {
        if (!await FormToken.IsValidAsync(context))
            return Pages.FormExpired(PageChrome.For(context));
        if (context.Request.Cookies.TryGetValue(ApiKeys.Cookie, out var session))
            sessions.End(session);
        context.Response.Cookies.Delete(ApiKeys.Cookie, Cookie(context));
        return Results.Redirect("/");
    }

    /// <summary>A session cookie the page's scripts cannot read and other sites cannot make the browser send.</summary>
    private static CookieOptions Cookie(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    /// <summary>Where to go after signing in: a path on this site only (see <see cref="ReturnPath"/>).</summary>
    internal static string SafeReturn(string? target) => ReturnPath.Safe(target);
}

/// <summary>The sign-in page: where to return afterwards, and what went wrong with the last attempt.</summary>
public sealed record SignInModel(string Return, string? Error);
