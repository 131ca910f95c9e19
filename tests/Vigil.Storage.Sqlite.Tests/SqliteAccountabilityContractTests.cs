using Vigil.Storage.Relational;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Sqlite.Tests;

/// <summary>The accountability store contract on SQLite (schema version 5), a fresh database file per test.</summary>
public sealed class SqliteAccountabilityContractTests : AccountabilityStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override (IIncidentStore Incidents, IAccountabilityStore Accountability) OpenFresh()
    {
        var store = SqliteIncidentStore.Open(_dir.File("vigil.db"), Clock);
        return (store, new RelationalAccountabilityStore(store));
    }

    [Fact]
    public void A_new_database_has_the_accountability_tables_of_schema_version_5()
    {
        using var store = SqliteIncidentStore.Open(_dir.File("v5.db"), Clock);
        Assert.True(store.SchemaVersion >= 5);
        Assert.Equal(Schema.LatestVersion, store.GetInfo().SchemaVersion);
        foreach (var table in new[] { "engagements", "commitments", "implementation_scores", "crossings", "crossing_events" })
        {
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
            Assert.Equal(0L, Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Dispose() => _dir.Dispose();
}
