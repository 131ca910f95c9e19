using Microsoft.AspNetCore.OutputCaching;
using Vigil.Web.Stores;

namespace Vigil.Server.Infrastructure;

/// <summary>
/// Caches the answers of read endpoints (statistics, lists, exports' neighbours) until the data change:
/// the cache key includes the database's data version, which every committed write raises — writes from
/// the API, the command line or another server process alike. Only successful GETs are stored; every
/// request is authorised before the cache is consulted.
/// </summary>
public sealed class DataVersionCachePolicy : IOutputCachePolicy
{
    public const string Name = "data-version";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        var cacheable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.CacheVaryByRules.QueryKeys = "*";
        var version = context.HttpContext.RequestServices.GetRequiredService<DataVersion>();
        context.CacheVaryByRules.VaryByValues["data_version"] = version.Current().ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Readers who may not receive rows of restricted datasets get answers without them (RowLicences): never one another's.
        context.CacheVaryByRules.VaryByValues["rows"] = Web.Auth.RowAccess.MayReceiveRestricted(context.HttpContext) ? "all" : "open";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Reads the data version over one long-lived connection (a tiny query, serialised by a lock).</summary>
public sealed class DataVersion(StoreAccess stores) : IDisposable
{
    private readonly Lock _lock = new();
    private Storage.IVigilDatabase? _store;

    public long Current()
    {
        lock (_lock)
        {
            _store ??= stores.OpenCurrent();
            return _store.Incidents.DataVersion();
        }
    }

    public void Dispose() => _store?.Dispose();
}
