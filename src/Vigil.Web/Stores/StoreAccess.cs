using Vigil.Storage;
using Vigil.Storage.Backends;

namespace Vigil.Web.Stores;

/// <summary>
/// Opens the server's database per request: a SQLite connection is cheap to open; PostgreSQL connections
/// come from Npgsql's pool. The schema is brought up to date on the first open only.
/// </summary>
public sealed class StoreAccess(ServerOptions options, TimeProvider clock)
{
    private readonly DatabaseLocation _location = DatabaseLocation.Parse(options.Database);
    private volatile bool _migrated;

    public IVigilDatabase Open()
    {
        var store = _location.Open(clock, migrated: _migrated);
        _migrated = true;
        return store;
    }
}
