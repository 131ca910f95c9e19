using Vigil.Server.Auth;
using Vigil.Server.Dashboard.Shell;

namespace Vigil.Server.Dashboard.SignIn;

/// <summary>
/// /signin and /signout. Signing in checks a pasted API key against the store and keeps it in the
/// <c>vigil_key</c> cookie (HttpOnly, SameSite=Strict), which the API key handler already reads; signing out
/// deletes it. The browser holds the key itself, so there is no server session to expire or steal.
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

    private static async Task<IResult> SignInAsync(HttpContext context, StoreAccess stores)
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
            var store = db.Incidents;
            if (db.Access.FindKey(ApiKeys.Hash(key)) is null)
                return Pages.Render<SignInPage>(chrome, new SignInModel(back, "This key is not known, or it has been revoked."), StatusCodes.Status400BadRequest);
        }
        context.Response.Cookies.Append(ApiKeys.Cookie, key, Cookie(context));
        return Results.Redirect(back);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        if (!await FormToken.IsValidAsync(context))
            return Pages.FormExpired(PageChrome.For(context));
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

    /// <summary>Where to go after signing in: a path on this site only (never "//host" or an absolute URL).</summary>
    internal static string SafeReturn(string? target) =>
        target is { Length: > 0 } t && t[0] == '/' && (t.Length == 1 || (t[1] != '/' && t[1] != '\\')) && !t.Contains('\n') && !t.Contains('\r')
            ? t
            : "/";
}

/// <summary>The sign-in page: where to return afterwards, and what went wrong with the last attempt.</summary>
public sealed record SignInModel(string Return, string? Error);
