using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Storage.Postgres;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>
/// The bundled UCDP file imported the same way (same clock, same author) into a fresh SQLite file and a
/// fresh PostgreSQL database. Shared by the tests that compare the two back-ends.
/// </summary>
public sealed class BothBackends : IDisposable
{
    private readonly TempDirectory _dir = new();

    public BothBackends()
    {
        Clock = new TestClock();
        SqlitePath = _dir.File("ucdp.db");
        PostgresConnection = PostgresServer.CreateDatabase();
        Sqlite = SqliteIncidentStore.Open(SqlitePath, Clock);
        Postgres = PostgresIncidentStore.Open(PostgresConnection, Clock);
        foreach (var store in new RelationalIncidentStore[] { Sqlite, Postgres })
            new Importer(store, IncidentNormalizer.Bundled()).Import(RepoFiles.BundledUcdp, new ImportOptions { Author = "test" });
    }

    public TestClock Clock { get; }
    public string SqlitePath { get; }
    public string PostgresConnection { get; }
    public SqliteIncidentStore Sqlite { get; }
    public PostgresIncidentStore Postgres { get; }

    public TempDirectory Dir => _dir;

    public void Dispose()
    {
        Sqlite.Dispose();
        Postgres.Dispose();
        _dir.Dispose();
    }
}
