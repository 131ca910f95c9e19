using Vigil.Ingestion.Normalization;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests.Support;

/// <summary>A fresh SQLite database in its own temporary folder, with an importer over it.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _folder = new();

    public TestDatabase()
    {
        Path = _folder.File("vigil.db");
        Store = SqliteIncidentStore.Open(Path);
        Importer = new Importer(Store, IncidentNormalizer.Bundled());
    }

    public string Path { get; }

    public SqliteIncidentStore Store { get; }

    public Importer Importer { get; }

    /// <summary>The test's scratch folder (beside the database).</summary>
    public TempDirectory Folder => _folder;

    public ImportResult Import(string file, ImportOptions? options = null) => Importer.Import(file, options ?? new ImportOptions());

    public string Fingerprint() => StoreFingerprint.Of(Path);

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
