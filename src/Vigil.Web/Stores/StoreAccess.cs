using Microsoft.AspNetCore.Http;
using Vigil.Storage;
using Vigil.Storage.Backends;

namespace Vigil.Web.Stores;

/// <summary>
/// Opens the server's database per request: a SQLite connection is cheap to open; PostgreSQL connections
/// come from Npgsql's pool. The schema is brought up to date on the first open only. A reading request that asked
/// for its answers as of a past moment (<c>as_of</c>, checked by the server's middleware and kept in the request's
/// items) gets the database as it was then, read-only — every API answer and dashboard page alike.
/// </summary>
public sealed class StoreAccess(ServerOptions options, TimeProvider clock, IHttpContextAccessor? requests = null)
{
    /// <summary>The request item that holds the moment a request's answers are as of.</summary>
    public const string AsOfItem = "vigil.as_of";

    private readonly DatabaseLocation _location = DatabaseLocation.Parse(options.Database);
    private volatile bool _migrated;

    /// <summary>The database for the current request: as it is now, or as of the moment the request asked for.</summary>
    public IVigilDatabase Open() =>
        requests?.HttpContext?.Items[AsOfItem] is DateTimeOffset moment ? _location.OpenAsOf(moment, clock, migrated: Migrate()) : OpenCurrent();

    /// <summary>The database as it was at <paramref name="moment"/>, read-only, whatever the request (a published report rebuilt as of its moment).</summary>
    public IVigilDatabase OpenAsOf(DateTimeOffset moment) => _location.OpenAsOf(moment, clock, migrated: Migrate());

    /// <summary>The database as it is now, whatever the request (writes, the audit trail, the data version, background work).</summary>
    public IVigilDatabase OpenCurrent()
    {
        var store = _location.Open(clock, migrated: _migrated);
        _migrated = true;
        return store;
    }

    private bool Migrate()
    {
        if (!_migrated)
            OpenCurrent().Dispose();
        return true;
    }
}
