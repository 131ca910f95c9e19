using System.Diagnostics;
using Vigil.Application.Logging;
using Vigil.Web;

namespace Vigil.Server.Logging;

/// <summary>
/// Logs a request that took longer than <see cref="ServerOptions.SlowRequestMilliseconds"/> (event 4001): nearly all
/// of a read's time is its queries, so this is where a slow query shows, with the path and parameters that caused it.
/// </summary>
public sealed class SlowRequests(RequestDelegate next, ServerOptions options, ILogger<SlowRequests> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var ms = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (ms >= options.SlowRequestMilliseconds)
                VigilLog.SlowRequest(log, context.Request.Method, context.Request.Path + context.Request.QueryString, ms, context.Response.StatusCode);
        }
    }
}
