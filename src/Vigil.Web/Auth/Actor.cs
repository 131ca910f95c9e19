namespace Vigil.Web.Auth;

/// <summary>Who is asking: "key:NAME", "refused-key" (a key or session that was not accepted), or "anonymous".</summary>
public static class Actor
{
    public const string DetailKey = "vigil.audit.detail";

    public static string Of(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "key:" + name
        : context.Items.ContainsKey(ApiKeyAuthenticationHandler.RefusedKey) ? "refused-key"
        : "anonymous";
}
