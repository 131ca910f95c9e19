using Vigil.Storage;

namespace Vigil.Server.Infrastructure;

/// <summary>Every write (POST, PUT, PATCH, DELETE under /api) goes into the audit trail with the key's name and the outcome.</summary>
public sealed class AuditMiddleware(RequestDelegate next, StoreAccess stores, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            return;
        using var db = stores.Open();
        var store = db.Incidents;
        db.Access.Audit(new AuditEntry(clock.GetUtcNow(), Actor.Of(context), method, context.Request.Path + context.Request.QueryString,
            context.Response.StatusCode, context.Items[Actor.DetailKey] as string));
    }
}

/// <summary>Who is asking: "key:NAME", or "anonymous".</summary>
public static class Actor
{
    public const string DetailKey = "vigil.audit.detail";

    public static string Of(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "key:" + name : "anonymous";
}
