using Microsoft.Data.Sqlite;
using Vigil.Domain.Errors;
using Vigil.TestSupport;

namespace Vigil.Storage.Sqlite.Tests;

public sealed class SqliteFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void A_new_database_is_one_file_in_WAL_mode_at_the_latest_schema()
    {
        var path = _dir.File("new.db");
        using (var store = SqliteIncidentStore.Open(path))
        {
            Assert.Equal(Relational.Schema.LatestVersion, store.GetInfo().SchemaVersion);
            Assert.Equal(["ok"], store.CheckIntegrity());
        }
        Assert.Equal("wal", Pragma(path, "journal_mode"));
    }

    [Fact]
    public void An_import_alone_on_the_file_leaves_it_in_WAL_mode_with_its_indexes()
    {
        var path = _dir.File("bulk.db");
        using (var store = SqliteIncidentStore.Open(path))
        {
            using var session = store.BeginImport(new ImportRequest("test", "t.csv", "test", "tester"));
            session.Upsert(TestSupport.Contracts.Incidents.Sample(id: "1"));
            session.Commit(0, "sha");
        }

        Assert.Equal("wal", Pragma(path, "journal_mode"));
        Assert.Contains("ix_incidents_admin1", Query(path, "SELECT name FROM sqlite_master WHERE type = 'index'"));
    }

    [Fact]
    public void An_import_while_another_connection_reads_the_file_still_commits()
    {
        var path = _dir.File("shared.db");
        using var store = SqliteIncidentStore.Open(path);
        using var reader = SqliteIncidentStore.Open(path);
        Assert.Equal(0, reader.Count(IncidentQuery.All));

        using (var session = store.BeginImport(new ImportRequest("test", "t.csv", "test", "tester")))
        {
            session.Upsert(TestSupport.Contracts.Incidents.Sample(id: "1"));
            session.Commit(0, "sha");
        }

        Assert.Equal(1, reader.Count(IncidentQuery.All));
        Assert.Equal("wal", Pragma(path, "journal_mode"));
    }

    [Fact]
    public void An_abandoned_first_import_leaves_the_indexes_in_place()
    {
        var path = _dir.File("abandoned.db");
        using (var store = SqliteIncidentStore.Open(path))
        using (var session = store.BeginImport(new ImportRequest("test", "t.csv", "test", "tester")))
        {
            session.Upsert(TestSupport.Contracts.Incidents.Sample(id: "1"));
        }

        var indexes = Query(path, "SELECT name FROM sqlite_master WHERE type = 'index'");
        Assert.All(Relational.Schema.SecondaryIndexes, i => Assert.Contains(i.Name, indexes));
        Assert.Equal("wal", Pragma(path, "journal_mode"));
    }

    [Fact]
    public void The_indexes_a_monthly_assessment_needs_exist()
    {
        var path = _dir.File("idx.db");
        using (SqliteIncidentStore.Open(path)) { }

        var indexes = Query(path, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents'");

        Assert.Superset(new HashSet<string> { "ix_incidents_date", "ix_incidents_admin1", "ix_incidents_admin2", "ix_incidents_perpetrator", "ix_incidents_event_type", "ux_incidents_source" }, indexes.ToHashSet());
    }

    [Fact]
    public void A_database_from_a_newer_Vigil_is_refused_not_guessed_at()
    {
        var path = _dir.File("future.db");
        using (SqliteIncidentStore.Open(path)) { }
        Execute(path, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01')");

        var e = Assert.Throws<VigilException>(() => SqliteIncidentStore.Open(path));

        Assert.Contains("newer than this Vigil", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_gives_a_clear_error()
    {
        var path = _dir.Write("notes.db", "these are my notes, not a database\n" + new string('x', 4096));

        var e = Assert.Throws<VigilException>(() => SqliteIncidentStore.Open(path));

        Assert.Contains("notes.db", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_in_a_missing_folder_gives_a_clear_error()
    {
        var e = Assert.Throws<VigilException>(() => SqliteIncidentStore.Open(_dir.File("no/such/folder/v.db")));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    private static string Pragma(string path, string name) => Query(path, $"PRAGMA {name}").Single();

    private static List<string> Query(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
            list.Add(r.GetString(0));
        return list;
    }

    private static void Execute(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _dir.Dispose();
}
