using Microsoft.AspNetCore.Diagnostics;
using Vigil.Application.Logging;

namespace Vigil.Server.Logging;

/// <summary>Every unhandled error is logged under Vigil's own event id (5001) before ASP.NET answers it as a problem.</summary>
public sealed class LoggedErrors(ILogger<LoggedErrors> log) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException and not OperationCanceledException)
            VigilLog.UnhandledError(log, exception, httpContext.Request.Method, httpContext.Request.Path);
        return ValueTask.FromResult(false);
    }
}
