using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Dashboard;
using Vigil.Server.Api;
using Vigil.Server.Infrastructure;
using Vigil.Server.Logging;
using Vigil.Server.Security;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Security;
using Vigil.Web.Stores;

namespace Vigil.Server;

/// <summary>Wires the server: services, limits, authentication, and each feature's endpoints. No logic of its own.</summary>
public static class VigilServer
{
    /// <param name="args">Command-line arguments; configuration keys db, anonymous-read, requests-per-minute, trusted-proxy, urls, no-feeds, feeds-allow-private.</param>
    /// <param name="options">The options, when the caller has them (the CLI); else read from configuration.</param>
    /// <param name="clock">The clock (tests inject one).</param>
    /// <param name="reference">The gazetteer and alias table (default: the bundled ones).</param>
    public static WebApplication Build(string[] args, ServerOptions? options = null, TimeProvider? clock = null, ReferenceData? reference = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        options ??= FromConfiguration(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        if (builder.Configuration["urls"] is null && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
            builder.WebHost.UseUrls("http://127.0.0.1:5080");

        // Structured logs: plain console lines, or one JSON object per line with VIGIL_LOG_FORMAT=json.
        if (string.Equals(Environment.GetEnvironmentVariable("VIGIL_LOG_FORMAT"), "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddSingleton(reference ?? ReferenceData.Bundled);
        builder.Services.AddSingleton<ScopeParser>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<StoreAccess>();
        builder.Services.AddSingleton<DataVersion>();
        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            o.AddPolicy(DataVersionCachePolicy.Name, new DataVersionCachePolicy());
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<LoggedErrors>();
        builder.Services.Configure<JsonOptions>(j => Json.Configure(j.SerializerOptions));
        builder.Services.AddOpenApi(o =>
        {
            OpenApiServers.Relative(o);
            ApiDocument.Configure(o, options);
        });
        builder.Services.AddSingleton<Vigil.Web.Feeds.FeedPolling>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Vigil.Web.Feeds.FeedPolling>());
        builder.Services.AddDashboard();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(a => Policies.Add(a, options.AnonymousRead));
        builder.Services.AddVigilSecurity(options);
        return builder.Build();
    }

    private static ServerOptions FromConfiguration(IConfiguration c) => new()
    {
        Database = c["db"] ?? Environment.GetEnvironmentVariable("VIGIL_DB") ?? "vigil.db",
        AnonymousRead = string.Equals(c["anonymous-read"], "true", StringComparison.OrdinalIgnoreCase),
        RequestsPerMinute = int.TryParse(c["requests-per-minute"], System.Globalization.CultureInfo.InvariantCulture, out var rpm) ? rpm : 600,
        TrustedProxies = c["trusted-proxy"] is { Length: > 0 } proxies ? proxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
        PollFeeds = !string.Equals(c["no-feeds"], "true", StringComparison.OrdinalIgnoreCase),
        Feeds = new Application.Feeds.FeedOptions
        {
            AllowPrivateAddresses = string.Equals(c["feeds-allow-private"], "true", StringComparison.OrdinalIgnoreCase),
        },
    };

    /// <summary>Migrates the database, then maps middleware and endpoints.</summary>
    public static void Prepare(WebApplication app)
    {
        using (app.Services.GetRequiredService<StoreAccess>().OpenCurrent()) { }

        app.UseVigilTransport(app.Services.GetRequiredService<ServerOptions>());
        app.UseExceptionHandler();
        app.UseMiddleware<SlowRequests>();
        app.UseStatusCodePages();
        // The audit wraps authentication and authorisation, so that refused and failed writes are recorded too.
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<AsOfRequests>();
        app.UseOutputCache();

        app.MapOpenApi("/api/v1/openapi.json");
        app.MapScalarApiReference("/api/docs", ApiReference.Offline);
        app.MapGet("/health", () => Results.Ok(new HealthAnswer("ok"))).WithTags("health").AllowAnonymous()
            .WithSummary("Whether the server is up (no key needed).").Produces<HealthAnswer>();

        var api = app.MapGroup("/api/v1");
        api.MapIncidents();
        api.MapReview();
        api.MapIntake();
        api.MapFeeds();
        api.MapMerges();
        api.MapLinks();
        api.MapStatistics();
        api.MapClaims();
        api.MapReports();
        api.MapPublishedReports();
        api.MapKeys();
        api.MapDatasets();
        api.MapSources();
        api.MapImports();
        api.MapExports();
        api.MapAccountability();
        api.MapCrossings();

        app.MapDashboard();
    }
}

/// <summary>The API's JSON: snake_case names, enums as kebab-case text, nulls written.</summary>
public static class Json
{
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }
}
