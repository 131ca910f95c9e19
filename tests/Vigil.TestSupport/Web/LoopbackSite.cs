using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.TestSupport.Web;

/// <summary>One request the site answered: its path and the headers that matter to a reader (conditional requests).</summary>
public sealed record SiteRequest(string Path, string? IfNoneMatch, string? IfModifiedSince);

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) serving what a test tells it to at each path — feeds, pages,
/// failures — and recording every request. Network code is tested against it, never the internet.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private LoopbackSite(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public ConcurrentQueue<SiteRequest> Requests { get; } = new();

    public static async Task<LoopbackSite> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new LoopbackSite(app);
        app.Run(site.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.Address = new Uri(address.TrimEnd('/') + "/");
        return site;
    }

    public Uri Url(string path) => new(Address, path.TrimStart('/'));

    /// <summary>Answers <paramref name="path"/> with <paramref name="handler"/> (replacing what it answered before).</summary>
    public void Serve(string path, Func<HttpContext, Task> handler) => _routes[Normal(path)] = handler;

    /// <summary>
    /// Answers <paramref name="path"/> with a text body; with an ETag, a request that names it gets 304 Not Modified.
    /// </summary>
    public void Text(string path, string body, string contentType, string? etag = null) => Serve(path, async context =>
    {
        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    });

    /// <summary>Answers with a status code and no body.</summary>
    public void Status(string path, int status) => Serve(path, context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    });

    /// <summary>How many requests reached <paramref name="path"/>.</summary>
    public int Hits(string path) => Requests.Count(r => r.Path == Normal(path));

    private async Task HandleAsync(HttpContext context)
    {
        var path = Normal(context.Request.Path.Value ?? "/");
        Requests.Enqueue(new SiteRequest(path, context.Request.Headers.IfNoneMatch.FirstOrDefault(), context.Request.Headers.IfModifiedSince.FirstOrDefault()));
        if (_routes.TryGetValue(path, out var handler))
        {
            try
            {
                await handler(context);
            }
            catch (OperationCanceledException)
            {
                // the reader gave up (a timeout, a size limit): nothing to answer
            }
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static string Normal(string path) => "/" + path.TrimStart('/');

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
