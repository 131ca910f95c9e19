using Vigil.Web;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Shell;

/// <summary>
/// What every page's frame needs: who is signed in, the form token, where the page is (for the sign-in return link), and
/// the moment it is answered as of (<c>as_of</c>, checked by the server before the page is asked for), which every link
/// of the page carries on (<see cref="Link"/>) and which makes the page read-only.
/// </summary>
public sealed record PageChrome(Viewer Viewer, FormToken Token, string PathAndQuery, bool AnonymousRead)
{
    /// <summary>The query parameter of the moment a page is answered as of.</summary>
    public const string AsOfParameter = "as_of";

    /// <summary>The moment the page is answered as of; null when it shows the data as they are now.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The moment as the address gives it, carried on as given.</summary>
    public string? AsOfText { get; init; }

    /// <summary>The same page as the data are now: its address without <c>as_of</c>.</summary>
    public string NowLink { get; init; } = "/";

    /// <summary>The past is read-only: no form that changes anything is offered on a page answered as of a moment.</summary>
    public bool ReadOnly => AsOf is not null;

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
        var request = context.Request;
        var asOf = context.Items[StoreAccess.AsOfItem] as DateTimeOffset?;
        return new(
            Viewer.Of(context),
            FormToken.Issue(context),
            request.Path + request.QueryString,
            context.RequestServices.GetRequiredService<ServerOptions>().AnonymousRead)
        {
            AsOf = asOf,
            AsOfText = asOf is null ? null : QueryText.One(request.Query, AsOfParameter),
            NowLink = QueryText.Link(request.Path.HasValue ? request.Path.Value! : "/",
                request.Query.Where(p => p.Key != AsOfParameter).SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))),
        };
    }

    public string SignInLink => "/signin?return=" + Uri.EscapeDataString(PathAndQuery);

    /// <summary>A link of this site's own that keeps the page's moment: <paramref name="href"/> with <c>as_of</c> added when the page has one.</summary>
    public string Link(string href) => QueryText.WithAsOf(href, AsOfText);
}
