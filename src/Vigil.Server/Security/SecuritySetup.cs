using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Vigil.Domain.Errors;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Security;

namespace Vigil.Server.Security;

/// <summary>
/// The server's protections in one place: sessions, the per-caller rate limit (with Retry-After), the
/// upload limit, the trusted-proxy option with Secure cookies and HSTS over https, and a relative OpenAPI
/// server address (never the request's Host header).
/// </summary>
public static class SecuritySetup
{
    /// <summary>Refuses options the server cannot run with, before it starts.</summary>
    /// <exception cref="VigilException">An option is out of range.</exception>
    public static void Check(ServerOptions options)
    {
        if (options.RequestsPerMinute < 1)
            throw new VigilException($"requests-per-minute must be 1 or more (was {options.RequestsPerMinute})");
        if (options.MaxRequestBytes < 1 || options.MaxJsonBytes < 1 || options.MaxJsonBytes > options.MaxRequestBytes)
            throw new VigilException("the body limits must be positive, and a JSON body's no larger than a request's");
        foreach (var proxy in options.TrustedProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
                throw new VigilException($"trusted-proxy: '{proxy}' is not an IP address");
        }
    }

    public static void AddVigilSecurity(this IServiceCollection services, ServerOptions options)
    {
        Check(options);
        services.AddSingleton<Sessions>();
        // A parameter that cannot be bound ("page=abc", a missing "period") is a 400 whose detail names it,
        // as the server's own checks do, instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ProblemDetailsOptions>(o =>
        {
            var previous = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = c =>
            {
                previous?.Invoke(c);
                if (c.Exception is BadHttpRequestException bad)
                {
                    c.ProblemDetails.Status = bad.StatusCode;
                    c.ProblemDetails.Detail = BindingProblem(bad.Message);
                }
            };
        });
        // The form-token cookie, like the session cookie, is Secure whenever the request came over https.
        services.PostConfigure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // A body over its limit (Kestrel's BadHttpRequestException) answers with its own status (413), not 500.
        services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        // Uploads: ASP.NET's form reader stops at 128 MiB by default; the documented limit is the request's.
        services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxRequestBytes);
        services.Configure<ForwardedHeadersOptions>(f =>
        {
            f.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the proxies named: ASP.NET trusts loopback by default, which would let any local process forge the scheme.
            f.KnownProxies.Clear();
            f.KnownIPNetworks.Clear();
            foreach (var proxy in options.TrustedProxies)
                f.KnownProxies.Add(IPAddress.Parse(proxy));
            f.ForwardLimit = 1;
        });
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"at most {options.RequestsPerMinute} requests a minute per key (or per address without one); retry after {seconds} s")
                    .ExecuteAsync(rejected.HttpContext);
            };
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetFixedWindowLimiter(Partition(context),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    /// <summary>
    /// ASP.NET's binding message names the C# parameter ("Failed to bind parameter "Nullable&lt;int&gt; MinKilled"
    /// from "x"."); the API's callers know it as the query parameter (min_killed): lead with that name.
    /// </summary>
    internal static string BindingProblem(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, "parameter \"[^\"]*?(\\w+)\"");
        if (!m.Success)
            return message;
        var name = System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();
        return $"{name}: {message}";
    }

    /// <summary>
    /// Whose allowance a request uses: its key's; or, without one, its address's; requests with a refused key
    /// have a bucket of their own per address, so that a script with a stale key cannot lock its address out
    /// of /signin. (/health is never limited: monitors must see a throttled server as up.)
    /// </summary>
    internal static string Partition(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
            return "key:" + name;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        return context.Items.ContainsKey(ApiKeyAuthenticationHandler.RefusedKey) ? "refused:" + address : "address:" + address;
    }

    /// <summary>
    /// Forwarded headers (only from the trusted proxies), HSTS for requests that arrived over https, and each
    /// request's body limit: an upload may be as large as <see cref="ServerOptions.MaxRequestBytes"/>, every
    /// other body (JSON, YAML, dashboard forms) only <see cref="ServerOptions.MaxJsonBytes"/>, enforced by
    /// the server as the bytes arrive, chunked or not.
    /// </summary>
    public static void UseVigilTransport(this WebApplication app, ServerOptions options)
    {
        if (options.TrustedProxies.Count > 0)
            app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit && !UploadLimits.IsUpload(context.Request))
                limit.MaxRequestBodySize = options.MaxJsonBytes;
            return next(context);
        });
        app.Use((context, next) =>
        {
            if (context.Request.IsHttps)
                context.Response.Headers.StrictTransportSecurity = "max-age=31536000";
            return next(context);
        });
    }
}
