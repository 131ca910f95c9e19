using Vigil.Application.Reference;
using Vigil.Application.Setup;
using Vigil.Application.Tests.Figures;
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

    /// <summary>The files the CLI bundles, in its order: GED Pakistan, then Candidate 2026 for Afghanistan and Pakistan.</summary>
    internal static readonly BundledFile[] Bundled =
    [
        new(RepoFiles.BundledUcdp, "ucdp-ged"),
        new(RepoFiles.BundledUcdpCandidate, "ucdp-candidate"),
    ];

    [Fact]
    public void A_new_database_is_filled_with_both_bundled_files_in_order_each_its_own_dataset()
    {
        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("new.db")));
        var loaded = new List<string>();
        var result = new FirstRun(db, ReferenceData.Bundled).Run(new FirstRunRequest(Bundled, null, "vigil start", Load: (file, work) =>
        {
            loaded.Add(file.Format);
            return work(null);
        }), TestContext.Current.CancellationToken);

        // Rows counted by an independent CSV reader (HXL tag row left out).
        long gedRows = CsvRows.Read(RepoFiles.BundledUcdp).Count;
        long candidateRows = CsvRows.Read(RepoFiles.BundledUcdpCandidate).Count;
        Assert.True(result.Loaded);
        Assert.Equal(["ucdp-ged", "ucdp-candidate"], loaded);
        Assert.Equal(["ucdp-ged", "ucdp-candidate"], result.Imports.Select(i => i.Format));
        Assert.Equal([gedRows, candidateRows], result.Imports.Select(i => i.RowsRead));
        Assert.Equal([gedRows, candidateRows], result.Imports.Select(i => i.Summary.Created));
        Assert.Equal(gedRows, db.Incidents.Count(new IncidentQuery { Datasets = ["ucdp-ged"] }));
        Assert.Equal(candidateRows, db.Incidents.Count(new IncidentQuery { Datasets = ["ucdp-candidate"] }));
        Assert.Equal(gedRows + candidateRows, db.Incidents.Count(IncidentQuery.All));
        Assert.Null(result.WorkedExample);
    }

    [Fact]
    public void Each_bundled_dataset_is_declared_to_cover_the_countries_of_its_file_and_they_do_not_overlap_in_time()
    {
        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("countries.db")));
        new FirstRun(db, ReferenceData.Bundled).Run(new FirstRunRequest(Bundled, null, "vigil start"), TestContext.Current.CancellationToken);

        var ged = CsvRows.Read(RepoFiles.BundledUcdp);
        var candidate = CsvRows.Read(RepoFiles.BundledUcdpCandidate);
        static List<string> Countries(IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
            [.. rows.Select(r => r["country"]).Distinct().Order(StringComparer.Ordinal)];
        Assert.Equal(["Pakistan"], Countries(ged));
        Assert.Equal(["Afghanistan", "Pakistan"], Countries(candidate));
        Assert.Equal(Countries(ged), db.Datasets.Find("ucdp-ged")!.Coverage.Countries);
        Assert.Equal(Countries(candidate), db.Datasets.Find("ucdp-candidate")!.Coverage.Countries);

        // GED ends before the Candidate release begins: a scope combining them can count no event twice.
        var gedLast = ged.Max(r => DateOnly.Parse(r["date_start"][..10], System.Globalization.CultureInfo.InvariantCulture));
        var candidateFirst = candidate.Min(r => DateOnly.Parse(r["date_start"][..10], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(gedLast < candidateFirst, $"GED's last event {gedLast} is not before the Candidate's first {candidateFirst}");
        var gedCovers = db.Datasets.Find("ucdp-ged")!.Coverage.Spans();
        var candidateCovers = db.Datasets.Find("ucdp-candidate")!.Coverage.Spans();
        Assert.DoesNotContain(gedCovers, g => candidateCovers.Any(c => c.Overlaps(g.From, g.To)));
    }

    [Fact]
    public void A_database_that_ever_held_an_incident_is_left_alone_and_the_loader_never_called()
    {
        using var db = new RelationalDatabase(SqliteIncidentStore.Open(_dir.File("used.db")));
        var created = db.Incidents.Create(Vigil.TestSupport.Contracts.Incidents.Sample(), new ChangeContext("test", null));
        db.Incidents.Delete(created.Id, created.Revision, new ChangeContext("test", "emptied"));

        var result = new FirstRun(db, ReferenceData.Bundled).Run(new FirstRunRequest(Bundled, null, "vigil start",
            Load: (_, _) => throw new InvalidOperationException("the loader must not run for a used database")), TestContext.Current.CancellationToken);

        Assert.False(result.Loaded);
        Assert.Empty(result.Imports);
        Assert.Equal(1, db.Incidents.Count(new IncidentQuery { IncludeDeleted = true }));
    }
}
