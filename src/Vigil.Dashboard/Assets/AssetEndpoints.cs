using System.Collections.Concurrent;

namespace Vigil.Dashboard.Assets;

/// <summary>
/// The stylesheet and script, and the front-end libraries fetched from npm at build time (uPlot for the charts,
/// Leaflet for the map; build/NpmPackages.targets), all served from the assembly with a long cache (their URL
/// carries a version). Nothing is fetched from anywhere else at run time.
/// </summary>
internal static class AssetEndpoints
{
    /// <summary>Changes whenever the server is rebuilt, so that browsers never keep an old stylesheet.</summary>
    public static readonly string Version = typeof(AssetEndpoints).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..10];

    private static readonly ConcurrentDictionary<string, byte[]> Loaded = new(StringComparer.Ordinal);

    public static string Css => $"/dashboard/site.css?v={Version}";
    public static string Js => $"/dashboard/site.js?v={Version}";

    /// <summary>One of the dashboard's own scripts besides site.js (charts.js, map.js).</summary>
    public static string Script(string name) => $"/dashboard/{name}?v={Version}";

    /// <summary>A file of a bundled library: "uplot", "uPlot.iife.min.js" gives /dashboard/lib/uplot/uPlot.iife.min.js?v=...</summary>
    public static string Lib(string package, string file) => $"/dashboard/lib/{package}/{file}?v={Version}";

    public static void MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard/site.css", (HttpContext c) => Asset(c, "site.css", "text/css; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/dashboard/site.js", (HttpContext c) => Asset(c, "site.js", "text/javascript; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/dashboard/charts.js", (HttpContext c) => Asset(c, "charts.js", "text/javascript; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/dashboard/map.js", (HttpContext c) => Asset(c, "map.js", "text/javascript; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/dashboard/lib/{package}/{file}", LibraryFile).ExcludeFromDescription().AllowAnonymous();
    }

    private static IResult LibraryFile(HttpContext context, string package, string file)
    {
        var name = $"lib/{package}/{file}";
        if (!Libraries.Contains(name))
            return Results.NotFound();
        var type = file.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8"
            : file.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8"
            : "text/plain; charset=utf-8";
        return Asset(context, name, type);
    }

    /// <summary>The library files in the assembly (only these names are served: a path is never built from the request).</summary>
    private static readonly HashSet<string> Libraries = [.. typeof(AssetEndpoints).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Vigil.Dashboard.lib/", StringComparison.Ordinal))
        .Select(n => n["Vigil.Dashboard.".Length..])];

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
