using Vigil.Storage.Postgres;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>The store contract on PostgreSQL, a fresh database per test on the private test server.</summary>
public sealed class PostgresStoreContractTests : IncidentStoreContract
{
    private string? _database;

    protected override IIncidentStore OpenFresh()
    {
        _database = PostgresServer.CreateDatabase();
        return PostgresIncidentStore.Open(_database, Clock);
    }

    protected override IIncidentStore Reopen(IIncidentStore store) =>
        PostgresIncidentStore.Open(_database ?? throw new InvalidOperationException("no database opened yet"), Clock);
}
