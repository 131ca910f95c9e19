using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Sqlite.Tests;

/// <summary>The store contract on SQLite, a fresh database file per test.</summary>
public sealed class SqliteStoreContractTests : IncidentStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override IIncidentStore OpenFresh() => SqliteIncidentStore.Open(_dir.File("vigil.db"), Clock);

    protected override IIncidentStore Reopen(IIncidentStore store) =>
        SqliteIncidentStore.Open(((SqliteIncidentStore)store).Location, Clock);

    public void Dispose() => _dir.Dispose();
}
