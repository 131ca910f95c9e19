using Vigil.Storage.Postgres;
using Vigil.Storage.Relational;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>The provenance contract on PostgreSQL, a fresh database per test on the private test server.</summary>
public sealed class PostgresProvenanceContractTests : ProvenanceContract
{
    protected override RelationalIncidentStore OpenFresh() => PostgresIncidentStore.Open(PostgresServer.CreateDatabase(), Clock);
}
