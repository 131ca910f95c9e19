namespace Vigil.Web.Security;

/// <summary>
/// When the sign-in cookie may stand for its key. A browser sends the cookie with any request, including
/// one a foreign page makes it send; so a cookie-authenticated write is accepted only when the browser
/// says it comes from this site: an Origin equal to this server's (scheme, host, port), or, without an
/// Origin, Sec-Fetch-Site: same-origin. The dashboard's forms also carry their antiforgery token, which
/// their endpoints check. Reads (GET, HEAD) change nothing and need no such proof.
/// </summary>
public static class CookieRequests
{
    public static bool MayUse(HttpRequest request, out string? why)
    {
        why = null;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            return true;
        var own = $"{request.Scheme}://{request.Host.Value}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
                return true;
            why = $"a write signed by the sign-in cookie must come from this site ({own}), not from Origin {Clip(origin)}; scripts send X-Api-Key instead";
            return false;
        }
        if (string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "same-origin", StringComparison.OrdinalIgnoreCase))
            return true;
        // Dashboard forms (outside /api) carry an antiforgery token their endpoints check; API writes have no such token.
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            return true;
        why = "an API write signed by the sign-in cookie needs an Origin header of this site; scripts send X-Api-Key instead";
        return false;
    }

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "...";
}
