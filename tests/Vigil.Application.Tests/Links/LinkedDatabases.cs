using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Application.Tests.Links;

/// <summary>
/// The real UCDP GED Pakistan file and PBC's suicide-attack file (../shared/data/raw), imported once per back-end into
/// a template; each test gets a copy of its own (a copied SQLite file, a PostgreSQL database made from the template).
/// </summary>
internal static class LinkedDatabases
{
    private static readonly Lazy<string> SqliteTemplate = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "vigil-tests", $"links-{Environment.ProcessId}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        Seed("sqlite:" + path);
        return path;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> PostgresTemplate = new(() =>
    {
        var connection = PostgresServer.CreateDatabase();
        Seed("postgres:" + connection);
        return connection;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A fresh SQLite copy in <paramref name="dir"/>.</summary>
    public static string Sqlite(TempDirectory dir)
    {
        var (ucdp, pbc) = (SharedData.UcdpRaw, SharedData.PbcSuicide);
        _ = (ucdp, pbc);
        var copy = dir.File("linked.db");
        File.Copy(SqliteTemplate.Value, copy);
        return "sqlite:" + copy;
    }

    /// <summary>A fresh PostgreSQL database copied from the template (skips without a server, fails under CI=true).</summary>
    public static string Postgres()
    {
        var (ucdp, pbc) = (SharedData.UcdpRaw, SharedData.PbcSuicide);
        _ = (ucdp, pbc);
        return "postgres:" + PostgresServer.CreateDatabase(PostgresTemplate.Value);
    }

    private static void Seed(string location)
    {
        using var db = DatabaseLocation.Parse(location).Open(new TestClock());
        var importer = new Importer(db.Incidents, IncidentNormalizer.Bundled());
        foreach (var file in new[] { SharedData.UcdpRaw, SharedData.PbcSuicide })
            importer.Import(file, new ImportOptions { Author = "test" });
    }
}
