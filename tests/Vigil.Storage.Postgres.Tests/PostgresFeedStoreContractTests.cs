using Vigil.Storage.Postgres;
using Vigil.Storage.Relational;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>The feed-store contract on PostgreSQL, a fresh database per test on the private test server.</summary>
public sealed class PostgresFeedStoreContractTests : FeedStoreContract
{
    protected override RelationalIncidentStore OpenFresh() => PostgresIncidentStore.Open(PostgresServer.CreateDatabase(), Clock);
}
