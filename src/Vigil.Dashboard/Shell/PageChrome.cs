using Vigil.Web;

namespace Vigil.Dashboard.Shell;

/// <summary>What every page's frame needs: who is signed in, the form token, and where the page is (for the sign-in return link).</summary>
public sealed record PageChrome(Viewer Viewer, FormToken Token, string PathAndQuery, bool AnonymousRead)
{
    /// <summary>The frame of the page being answered; also sets the page's security headers and form-token cookie.</summary>
    public static PageChrome For(HttpContext context)
    {
        // Pages show text from datasets and news sources: allow nothing but this site's own stylesheet and
        // script (the charts are inline SVG without style attributes), requests to this site only (the interactive
        // charts and map read its API), and no framing by other sites.
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "same-origin";
        return new(
            Viewer.Of(context),
            FormToken.Issue(context),
            context.Request.Path + context.Request.QueryString,
            context.RequestServices.GetRequiredService<ServerOptions>().AnonymousRead);
    }

    public string SignInLink => "/signin?return=" + Uri.EscapeDataString(PathAndQuery);
}
