using Vigil.Application.Reference;
using Vigil.Application.Setup;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Application.Tests;

public sealed class FirstRunTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// The bundled file's data rows, counted from the file itself: line ends outside quotes (quoted fields span
    /// lines), less the header and the HXL tag line.
    /// </summary>
    private static int BundledRows()
    {
        var text = File.ReadAllText(RepoFiles.BundledUcdp);
        var (records, quoted) = (0, false);
        foreach (var c in text)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == '\n' && !quoted)
                records++;
        }
        if (text.Length > 0 && text[^1] != '\n')
            records++;
        return records - 2;
    }

    [Fact]
    public void A_new_database_is_filled_with_the_bundled_file_through_the_hosts_loader()
    {
        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("new.db")));
        var loads = 0;
        var result = new FirstRun(db, ReferenceData.Bundled).Run(new FirstRunRequest(RepoFiles.BundledUcdp, null, "vigil start", Load: work =>
        {
            loads++;
            return work(null);
        }), TestContext.Current.CancellationToken);

        Assert.True(result.Loaded);
        Assert.Equal(1, loads);
        Assert.Equal(BundledRows(), result.Import!.RowsRead);
        Assert.Equal(db.Incidents.Count(IncidentQuery.All), result.Import.Summary.Created);
        Assert.Null(result.WorkedExample);
    }

    [Fact]
    public void A_database_that_ever_held_an_incident_is_left_alone_and_the_loader_never_called()
    {
        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("used.db")));
        var created = db.Incidents.Create(Vigil.TestSupport.Contracts.Incidents.Sample(), new ChangeContext("test", null));
        db.Incidents.Delete(created.Id, created.Revision, new ChangeContext("test", "emptied"));

        var result = new FirstRun(db, ReferenceData.Bundled).Run(new FirstRunRequest(RepoFiles.BundledUcdp, null, "vigil start",
            Load: _ => throw new InvalidOperationException("the loader must not run for a used database")), TestContext.Current.CancellationToken);

        Assert.False(result.Loaded);
        Assert.Null(result.Import);
        Assert.Equal(1, db.Incidents.Count(new IncidentQuery { IncludeDeleted = true }));
    }
}
