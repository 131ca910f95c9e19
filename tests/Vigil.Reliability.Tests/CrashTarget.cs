using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.Storage.Relational;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Reliability.Tests;

/// <summary>
/// A database in a known starting state, fresh for every trial: on SQLite a copy of a baseline file, on
/// PostgreSQL a database made from a baseline template. The baseline holds <see cref="BaselineCount"/>
/// incidents of the dataset "base".
/// </summary>
public sealed class CrashTarget : IDisposable
{
    public const int BaselineCount = 500;
    private readonly TempDirectory _dir = new();
    private readonly string _baseline;
    private int _trials;

    public CrashTarget(string backend)
    {
        Backend = backend;
        _baseline = backend == "sqlite" ? "sqlite:" + _dir.File("baseline.db") : "postgres:" + PostgresServer.CreateDatabase();
        using var store = DatabaseLocation.Parse(_baseline).OpenRelational();
        using var session = store.BeginImport(new ImportRequest("base", "base.csv", "vigil-csv", "test"));
        for (var n = 1; n <= BaselineCount; n++)
            session.Upsert(Incidents.Sample(dataset: "base", id: n.ToString(System.Globalization.CultureInfo.InvariantCulture), day: n));
        session.Commit(0, "sha");
    }

    public string Backend { get; }

    public TempDirectory Dir => _dir;

    /// <summary>A new database in the baseline state; returns its --db text.</summary>
    public string Fresh()
    {
        var n = Interlocked.Increment(ref _trials);
        if (Backend == "sqlite")
        {
            var path = _dir.File($"trial-{n}.db");
            File.Copy(DatabaseLocation.Parse(_baseline).Target, path);
            return "sqlite:" + path;
        }
        return "postgres:" + PostgresServer.CreateDatabase(DatabaseLocation.Parse(_baseline).Target);
    }

    public static RelationalIncidentStore Open(string db) => DatabaseLocation.Parse(db).OpenRelational();

    public static void AssertSound(RelationalIncidentStore store)
    {
        Assert.Equal(["ok"], store.CheckIntegrity());
        Assert.Equal(BaselineCount, store.Count(IncidentQuery.All with { Datasets = ["base"] }));
        // The rollup agrees with a recount: nothing was applied to one table and not the other.
        var rollup = store.AggregateMonthly(IncidentQuery.All, GroupBy.None).Sum(r => r.Incidents);
        Assert.Equal(store.ScalarLong(null, "SELECT COUNT(*) FROM incidents WHERE deleted_at IS NULL"), rollup);
    }

    public static readonly ChangeContext Tester = new("test", null);

    public void Dispose() => _dir.Dispose();
}
