namespace Vigil.Server.Dashboard.Shell;

/// <summary>What every page's frame needs: who is signed in, the form token, and where the page is (for the sign-in return link).</summary>
public sealed record PageChrome(Viewer Viewer, FormToken Token, string PathAndQuery, bool AnonymousRead)
{
    public static PageChrome For(HttpContext context) => new(
        Viewer.Of(context),
        FormToken.Issue(context),
        context.Request.Path + context.Request.QueryString,
        context.RequestServices.GetRequiredService<ServerOptions>().AnonymousRead);

    public string SignInLink => "/signin?return=" + Uri.EscapeDataString(PathAndQuery);
}
