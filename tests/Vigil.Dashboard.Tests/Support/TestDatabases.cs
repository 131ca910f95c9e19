using Microsoft.Data.Sqlite;
using Vigil.Application.Access;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;
using Vigil.Web.Auth;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>
/// A fresh database per test: a copy of the bundled UCDP data (imported once per run into a template, then
/// copied, which takes milliseconds), or a few incidents made through the store. Keys are added the way
/// <c>vigil keys create</c> adds them.
/// </summary>
public static class TestDatabases
{
    private static readonly Lazy<string> UcdpTemplate = new(BuildUcdpTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A copy of the bundled UCDP GED Pakistan data (6,416 incidents, 1989–2021) in the folder.</summary>
    public static string Ucdp(TempDirectory folder)
    {
        var path = folder.File("vigil.db");
        File.Copy(UcdpTemplate.Value, path);
        return path;
    }

    /// <summary>
    /// The bundled UCDP data with the Afghan events of <see cref="AfghanUcdpFixture"/> imported as more UCDP rows, on
    /// 10 December 2021 (inside the data's last twelve months, which the map shows by default).
    /// </summary>
    public static string UcdpWithAfghanistan(TempDirectory folder)
    {
        var path = Ucdp(folder);
        var fixture = AfghanUcdpFixture.Write(folder.File("afghan-ucdp.csv"), "2021-12-10");
        using var store = SqliteIncidentStore.Open(path);
        new Importer(store, IncidentNormalizer.Bundled()).Import(fixture, new ImportOptions { Author = "test setup" });
        return path;
    }

    /// <summary>The bundled UCDP GED data with the bundled UCDP Candidate release of 2026 (Afghanistan and Pakistan).</summary>
    public static string UcdpWithCandidate(TempDirectory folder)
    {
        var path = Ucdp(folder);
        var candidate = RepoFiles.BundledUcdpCandidate;
        using var store = SqliteIncidentStore.Open(path);
        new Importer(store, IncidentNormalizer.Bundled()).Import(candidate, new ImportOptions { Author = "test setup", Format = "ucdp-candidate" });
        return path;
    }

    /// <summary>A database as a fresh install fills it: the first run over both bundled UCDP files.</summary>
    public static string Bundled(TempDirectory folder)
    {
        var path = folder.File("vigil.db");
        using var db = new Vigil.Storage.Relational.RelationalDatabase(SqliteIncidentStore.Open(path));
        new Vigil.Application.Setup.FirstRun(db, Vigil.Application.Reference.ReferenceData.Bundled).Run(new Vigil.Application.Setup.FirstRunRequest(
            [new(RepoFiles.BundledUcdp, "ucdp-ged"), new(RepoFiles.BundledUcdpCandidate, "ucdp-candidate")], null, "test setup"));
        return path;
    }

    /// <summary>An empty database (created and migrated on open).</summary>
    public static string Empty(TempDirectory folder)
    {
        var path = folder.File("vigil.db");
        using (SqliteIncidentStore.Open(path)) { }
        return path;
    }

    /// <summary>
    /// An empty database of the back-end named ("sqlite": a file in the folder; "postgres": a database of its own on
    /// the tests' PostgreSQL server, which skips the test — fails it under CI — without one), as the server's --db takes it.
    /// </summary>
    public static string Empty(TempDirectory folder, string backend) => backend switch
    {
        "sqlite" => Empty(folder),
        "postgres" => EmptyPostgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "sqlite or postgres"),
    };

    private static string EmptyPostgres()
    {
        var database = "postgres:" + PostgresServer.CreateDatabase();
        using (Open(database)) { }
        return database;
    }

    /// <summary>The database (a SQLite path or a postgres: address), opened as the server opens it.</summary>
    private static Storage.Relational.RelationalIncidentStore Open(string database) =>
        Storage.Backends.DatabaseLocation.Parse(database).OpenRelational();

    public static Incident Create(string path, Incident incident, string author = "test")
    {
        using var store = Open(path);
        return store.Create(IncidentNormalizer.Bundled().Normalize(incident), new ChangeContext(author, "seeded by the test"));
    }

    public static Incident Update(string path, Incident incident, int expectedRevision, string author)
    {
        using var store = Open(path);
        return store.Update(incident, expectedRevision, new ChangeContext(author, "changed by someone else"));
    }

    public static Incident Find(string path, long id)
    {
        using var store = Open(path);
        return store.Find(id) ?? throw new InvalidOperationException($"incident {id} is not in {path}");
    }

    /// <summary>Adds a key and returns it (only its hash is stored, as the server does).</summary>
    public static string AddKey(string path, string name, ApiRole role)
    {
        var key = ApiKeySecrets.New();
        using var store = Open(path);
        store.AccessStore.AddKey(name, role, ApiKeySecrets.Hash(key));
        return key;
    }

    /// <summary>An incident with every part the detail page shows: a range with its phrase, a breakdown, a source, a flag.</summary>
    public static Incident Sample(DateOnly day, string province = "Balochistan", string district = "Quetta", int killed = 12) => new()
    {
        Date = IncidentDate.OnDay(day),
        Place = new Place { Country = "Pakistan", Admin1Raw = province, Admin2Raw = district, Location = "Sariab Road", Latitude = 30.18, Longitude = 66.99, GeoPrecision = GeoPrecision.Exact },
        EventType = EventType.Bombing,
        Perpetrator = new ActorRef(null, "Tehrik-i-Taliban Pakistan"),
        Target = new ActorRef(null, "Police"),
        TargetType = TargetType.SecurityForces,
        Attribution = AttributionCertainty.Claimed,
        Killed = new CasualtyCount(killed - 2, killed, killed + 3, $"at least {killed - 2}", "test convention"),
        Injured = new CasualtyCount(20, 25, 30, "20 to 30", "range: low and high, best the middle"),
        KilledBreakdown = new CasualtyBreakdown(8, 4, null, null),
        PerpetratorsIncluded = false,
        Sources = [new SourceReference("Dawn", day, "Blast in Quetta", "https://www.dawn.com/news/1")],
        Notes = "seeded",
    };

    private static string BuildUcdpTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vigil-dashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Still open somewhere: the OS cleans its temporary folder.
            }
        };
        var path = Path.Combine(folder, "ucdp-template.db");
        using (var store = SqliteIncidentStore.Open(path))
            new Importer(store, IncidentNormalizer.Bundled()).Import(RepoFiles.BundledUcdp, new ImportOptions { Author = "test setup" });
        // Close pooled connections so that SQLite folds the write-ahead log into the file before it is copied.
        SqliteConnection.ClearAllPools();
        if (File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0)
            throw new InvalidOperationException("the template database still has a write-ahead log; copying it alone would lose data");
        return path;
    }
}
