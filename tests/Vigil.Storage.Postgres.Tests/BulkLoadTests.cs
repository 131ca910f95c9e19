using Vigil.Domain.Revisions;
using Vigil.Storage.Postgres;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>The first import into an empty PostgreSQL database lifts the row-by-row foreign-key checks while it copies, and puts them back.</summary>
public sealed class BulkLoadTests
{
    private static long ForeignKeys(PostgresIncidentStore store) =>
        store.ScalarLong(null, "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('incidents'::regclass, 'incident_sources'::regclass)");

    [Fact]
    public void Foreign_keys_are_back_after_a_first_import_and_after_an_abandoned_one()
    {
        using var store = PostgresIncidentStore.Open(PostgresServer.CreateDatabase(), new TestClock());
        var before = ForeignKeys(store);
        Assert.True(before >= 3, "incidents → imports (twice) and sources → incidents");

        using (var abandoned = store.BeginImport(new ImportRequest("test", "a.csv", "test", "tester")))
            abandoned.Upsert(Incidents.Sample(id: "1"));
        Assert.Equal(before, ForeignKeys(store));
        Assert.Equal(0, store.Count(IncidentQuery.All));

        using (var session = store.BeginImport(new ImportRequest("test", "b.csv", "test", "tester")))
        {
            foreach (var n in Enumerable.Range(1, 100))
                session.Upsert(Incidents.Sample(id: n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            session.Commit(0, "sha");
        }
        Assert.Equal(before, ForeignKeys(store));
        Assert.Equal(100, store.Count(IncidentQuery.All));
        var e = Assert.ThrowsAny<System.Data.Common.DbException>(() =>
            store.Execute(null, "INSERT INTO incident_sources (incident_id, ordinal) VALUES (999999, 1)"));
        Assert.Contains("foreign key", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(store.GetRevisions(store.Create(Incidents.Sample(dataset: "manual"), new ChangeContext("a", null)).Id));
    }
}

/// <summary>Several servers starting on one new database at once migrate it once.</summary>
public sealed class ConcurrentMigrationTests
{
    [Fact]
    public void Four_processes_opening_a_new_database_at_once_apply_each_migration_once()
    {
        var database = PostgresServer.CreateDatabase();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            try
            {
                using var store = PostgresIncidentStore.Open(database);
            }
            catch (Exception e) when (e is Domain.Errors.VigilException or System.Data.Common.DbException)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(errors);
        using var check = PostgresIncidentStore.Open(database);
        Assert.Equal(Relational.Schema.Migrations.Count, check.ScalarLong(null, "SELECT COUNT(*) FROM schema_migrations"));
    }
}
