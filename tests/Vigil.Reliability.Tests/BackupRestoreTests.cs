using Vigil.Cli.Infrastructure;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Reliability.Tests;

/// <summary>
/// `vigil backup` then `vigil restore` through the command line, on both back-ends, and `vigil db copy`
/// between them: every table of the restored or copied database equals the original row for row (same
/// row count, same multiset of row hashes).
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static (int Code, string Output, string Error) Vigil(params string[] args) => VigilRun.Run(args);

    private static IReadOnlyList<TableChecksum> Sums(string db)
    {
        using var store = DatabaseLocation.Parse(db).Open();
        return TableChecksums.Compute(store);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Backup_then_restore_gives_the_database_back_row_for_row(string backend)
    {
        using var target = new CrashTarget(backend);
        var db = target.Fresh();
        Assert.Equal(0, Vigil("import", "--db", db, RepoFiles.BundledUcdp).Code);
        var original = Sums(db);
        var file = _dir.File(backend + ".backup");

        var backup = Vigil("backup", "--db", db, "--out", file);
        Assert.True(backup.Code == 0, backup.Error);
        Assert.Contains("incidents", backup.Output, StringComparison.Ordinal);
        var restoredDb = backend == "sqlite" ? "sqlite:" + _dir.File("restored.db") : "postgres:" + PostgresServer.CreateDatabase();
        var restore = Vigil("restore", "--db", restoredDb, "--from", file);
        Assert.True(restore.Code == 0, restore.Error + restore.Output);

        Assert.Empty(TableChecksums.Differences(original, Sums(restoredDb)));
        Assert.True(original.Single(t => t.Table == "incidents").Rows > CrashTarget.BaselineCount);
        Summaries.Write($"backup/restore ({backend}): {original.Sum(t => t.Rows):N0} rows in {original.Count} tables restored equal");
    }

    [Fact]
    public void Db_copy_moves_a_sqlite_database_to_postgres_with_counts_checked()
    {
        var sqlite = "sqlite:" + _dir.File("source.db");
        Assert.Equal(0, Vigil("import", "--db", sqlite, RepoFiles.BundledUcdp).Code);
        var postgres = "postgres:" + PostgresServer.CreateDatabase();

        var copy = Vigil("db", "copy", "--from", sqlite, "--to", postgres);

        Assert.True(copy.Code == 0, copy.Error + copy.Output);
        Assert.Contains("every table's rows and checksum match", copy.Output, StringComparison.Ordinal);
        Assert.Empty(TableChecksums.Differences(Sums(sqlite), Sums(postgres)));
        var again = Vigil("db", "copy", "--from", sqlite, "--to", postgres);
        Assert.Equal(ExitCodes.Failed, again.Code);
        Assert.Contains("not empty", again.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
