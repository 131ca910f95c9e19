using Vigil.Storage.Sqlite;

namespace Vigil.Server;

/// <summary>
/// Opens a store per request: a SQLite connection is not shared between threads, and WAL lets many
/// readers run beside one writer. Opening checks the schema (already migrated at start-up) and is cheap.
/// </summary>
public sealed class StoreAccess(ServerOptions options, TimeProvider clock)
{
    private volatile bool _migrated;

    public SqliteIncidentStore Open()
    {
        var store = SqliteIncidentStore.Open(options.Database, clock, migrated: _migrated);
        _migrated = true;
        return store;
    }
}
