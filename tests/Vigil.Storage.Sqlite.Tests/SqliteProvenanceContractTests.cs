using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Sqlite.Tests;

/// <summary>The provenance contract on SQLite, a fresh database file per test.</summary>
public sealed class SqliteProvenanceContractTests : ProvenanceContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override RelationalIncidentStore OpenFresh() => SqliteIncidentStore.Open(_dir.File("vigil.db"), Clock);

    public void Dispose() => _dir.Dispose();
}
