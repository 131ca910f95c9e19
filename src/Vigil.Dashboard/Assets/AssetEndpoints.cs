using System.Collections.Concurrent;

namespace Vigil.Dashboard.Assets;

/// <summary>The stylesheet and script, served from the assembly with a long cache (their URL carries a version).</summary>
internal static class AssetEndpoints
{
    /// <summary>Changes whenever the server is rebuilt, so that browsers never keep an old stylesheet.</summary>
    public static readonly string Version = typeof(AssetEndpoints).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..10];

    private static readonly ConcurrentDictionary<string, byte[]> Loaded = new(StringComparer.Ordinal);

    public static string Css => $"/dashboard/site.css?v={Version}";
    public static string Js => $"/dashboard/site.js?v={Version}";

    public static void MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/site.css", (HttpContext c) => Asset(c, "site.css", "text/css; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/dashboard/site.js", (HttpContext c) => Asset(c, "site.js", "text/javascript; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
    }

    private static IResult Asset(HttpContext context, string name, string contentType)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(Loaded.GetOrAdd(name, Load), contentType);
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("Vigil.Dashboard." + name)
            ?? throw new InvalidOperationException($"the dashboard asset {name} is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
