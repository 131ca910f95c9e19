using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Infrastructure;

/// <summary>
/// Every write (POST, PUT, PATCH, DELETE under /api) goes into the audit trail with the key's name and the
/// outcome: accepted, refused (401, 403, 409, 412, 413, 428, 429...) or failed (500, recorded before the
/// exception handler answers).
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, StoreAccess stores, TimeProvider clock, ILogger<AuditMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        int? failedWith = null;
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            // What the exception handler will answer: a bad request keeps its own status (413 for a body too large).
            failedWith = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            Record(context, method, failedWith ?? context.Response.StatusCode, failedWith is >= 500);
        }
    }

    private void Record(HttpContext context, string method, int status, bool failed)
    {
        var detail = context.Items[Actor.DetailKey] as string;
        if (status >= 400)
            detail = failed ? "failed: internal error" : "refused";
        try
        {
            using var db = stores.OpenCurrent();
            db.Access.Audit(new AuditEntry(clock.GetUtcNow(), Actor.Of(context), method, context.Request.Path + context.Request.QueryString, status, detail));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AuditLog.NotRecorded(log, e, method, context.Request.Path);
        }
    }
}

internal static partial class AuditLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "The audit trail could not record {Method} {Path}")]
    public static partial void NotRecorded(ILogger logger, Exception exception, string method, string path);
}
