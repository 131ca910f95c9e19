using Vigil.Domain.Errors;
using Vigil.Domain.Revisions;
using Vigil.Storage.Backends;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>`vigil db copy`, `vigil backup` and `vigil restore` underneath: whole databases, row for row.</summary>
public sealed class CopyAndBackupTests : IClassFixture<LazyBothBackends>, IDisposable
{
    private readonly LazyBothBackends _both;
    private readonly TempDirectory _dir = new();
    private readonly TestClock _clock = new();

    public CopyAndBackupTests(LazyBothBackends both) => _both = both;

    public void Dispose() => _dir.Dispose();

    private static void Edit(RelationalIncidentStore store)
    {
        var first = store.Query(IncidentQuery.All with { Limit = 1 }).Single();
        store.Update(first with { Notes = "checked by hand" }, first.Revision, new ChangeContext("analyst:amina", "FIR"));
        var last = store.Query(IncidentQuery.All with { Sort = IncidentSort.Id, Descending = true, Limit = 1 }).Single();
        store.Delete(last.Id, last.Revision, new ChangeContext("analyst:amina", "duplicate"));
        store.AccessStore.AddKey("amina", ApiRole.Analyst, "hash");
    }

    [Fact]
    public void A_sqlite_database_copied_to_postgres_and_back_is_equal_row_for_row()
    {
        var both = _both.Value;
        var original = DatabaseLocation.Parse("sqlite:" + _dir.File("original.db"));
        var postgres = DatabaseLocation.Parse("postgres:" + PostgresServer.CreateDatabase());
        var back = DatabaseLocation.Parse(_dir.File("back.db"));
        using (var source = original.OpenRelational(_clock))
        {
            DatabaseCopier.Copy(both.Sqlite, source);
            Edit(source);
        }

        CopyReport there, home;
        using (var source = original.OpenRelational(_clock))
        using (var target = postgres.OpenRelational(_clock))
            there = DatabaseCopier.Copy(source, target);
        using (var source = postgres.OpenRelational(_clock))
        using (var target = back.OpenRelational(_clock))
            home = DatabaseCopier.Copy(source, target);

        Assert.Empty(there.Differences);
        Assert.Empty(home.Differences);
        Assert.Equal(there.Source.Where(t => t.Table != "schema_migrations"), home.Target.Where(t => t.Table != "schema_migrations"));
        using var copied = postgres.OpenRelational(_clock);
        var maxId = copied.ScalarLong(null, "SELECT MAX(id) FROM incidents");
        var created = copied.Create(Incidents.Sample(dataset: "manual", id: "new"), new ChangeContext("analyst:amina", null));
        Assert.True(created.Id > maxId, "ids continue after the copied ones");
        // The full-text index is rebuilt by each copy: a search finds the same incidents in all three databases.
        using (var first = original.OpenRelational(_clock))
        using (var last = back.OpenRelational(_clock))
        {
            foreach (var text in new[] { "\"checked by hand\"", "killed", "waziristan" })
            {
                var query = new IncidentQuery { Text = TextSearch.Parse(text).Search, Sort = IncidentSort.Id };
                var ids = first.QueryIds(query);
                Assert.NotEmpty(ids);
                Assert.Equal(ids, last.QueryIds(query));
                Assert.Equal(ids, copied.QueryIds(query));
            }
        }
        Assert.Single(copied.GetRevisions(copied.Query(IncidentQuery.All with { Limit = 1 }).Single().Id).Skip(1));
    }

    [Fact]
    public void A_copy_into_a_database_that_has_incidents_is_refused()
    {
        var both = _both.Value;
        using var target = SqliteIncidentStore.Open(_dir.File("busy.db"), _clock);
        target.Create(Incidents.Sample(), new ChangeContext("analyst:amina", null));
        var e = Assert.Throws<VigilException>(() => DatabaseCopier.Copy(both.Postgres, target));
        Assert.Contains("not empty", e.Message);
        Assert.Equal(1, target.Count(IncidentQuery.All));
    }

    [Fact]
    public void Backup_and_restore_round_trip_on_sqlite_and_a_damaged_backup_is_refused()
    {
        var both = _both.Value;
        var file = _dir.File("backup.db");
        var manifest = Backups.Backup(DatabaseLocation.Parse(both.SqlitePath), file, _clock);
        Assert.Empty(TableChecksums.Differences(TableChecksums.Compute(both.Sqlite), manifest.Tables));

        var restored = DatabaseLocation.Parse(_dir.File("restored.db"));
        Assert.Empty(Backups.Restore(file, restored, _clock));
        using (var store = restored.OpenRelational(_clock))
            Assert.Empty(TableChecksums.Differences(TableChecksums.Compute(both.Sqlite), TableChecksums.Compute(store)));

        Assert.Throws<VigilException>(() => Backups.Backup(DatabaseLocation.Parse(both.SqlitePath), file, _clock));
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
        var e = Assert.Throws<VigilException>(() => Backups.Restore(file, DatabaseLocation.Parse(_dir.File("again.db")), _clock));
        Assert.Contains("damaged", e.Message);
        Assert.False(File.Exists(_dir.File("again.db")));
    }

    [Fact]
    public void Backup_and_restore_round_trip_on_postgres()
    {
        var both = _both.Value;
        Assert.SkipWhen(Backups.FindPgTool("pg_dump") is null && !SharedData.IsCi, "needs pg_dump and pg_restore (Debian: apt-get install postgresql-client)");
        var file = _dir.File("backup.pgdump");
        var manifest = Backups.Backup(DatabaseLocation.Parse("postgres:" + both.PostgresConnection), file, _clock);
        Assert.Empty(TableChecksums.Differences(TableChecksums.Compute(both.Postgres), manifest.Tables));

        var target = DatabaseLocation.Parse("postgres:" + PostgresServer.CreateDatabase());
        Assert.Empty(Backups.Restore(file, target, _clock));
        using var store = target.OpenRelational(_clock);
        Assert.Empty(TableChecksums.Differences(TableChecksums.Compute(both.Postgres), TableChecksums.Compute(store)));
        var e = Assert.Throws<VigilException>(() => Backups.Restore(file, target, _clock));
        Assert.Contains("not empty", e.Message);
    }

    [Fact]
    public void The_table_list_names_every_table_of_a_fresh_database_on_both_backends()
    {
        var expected = Schema.Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        using (var sqlite = SqliteIncidentStore.Open(_dir.File("fresh.db"), _clock))
        {
            using var cmd = sqlite.Command(null, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
            using var r = cmd.ExecuteReader();
            var names = new List<string>();
            while (r.Read())
                names.Add(r.GetString(0));
            // The full-text index's tables are built from the others (and never copied): they are there, and only they are unlisted.
            Assert.Contains(SearchDocument.Table, names);
            Assert.Equal(expected, names.Where(n => !SearchDocument.IsIndexTable(n)).Order(StringComparer.Ordinal));
        }
        using (var postgres = PostgresIncidentStore.Open(PostgresServer.CreateDatabase(), _clock))
        {
            using var cmd = postgres.Command(null, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
            using var r = cmd.ExecuteReader();
            var names = new List<string>();
            while (r.Read())
                names.Add(r.GetString(0));
            // The full-text index's tables are built from the others (and never copied): they are there, and only they are unlisted.
            Assert.Contains(SearchDocument.Table, names);
            Assert.Equal(expected, names.Where(n => !SearchDocument.IsIndexTable(n)).Order(StringComparer.Ordinal));
        }
    }
}
