using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Datasets;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;
using Sample = Vigil.TestSupport.Contracts.Incidents;

namespace Vigil.Application.Tests;

/// <summary>The datasets of a real SQLite database, the primary default, and what a scope's datasets cover.</summary>
public sealed class DatasetScopeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ScopeParser _parser = new(ReferenceData.Bundled);

    private IVigilDatabase OpenWithData()
    {
        var db = DatabaseLocation.Parse(_dir.File("datasets.db")).Open();
        // PBC first (day 1 = 2020-01-01 and day 40 = 2020-02-09), then UCDP in mid-2020, then one own record.
        Import(db, "pbc-suicide", Sample.Sample("pbc-suicide", "1", day: 1), Sample.Sample("pbc-suicide", "2", day: 40));
        Import(db, "ucdp-ged", Sample.Sample("ucdp-ged", "1", day: 180));
        db.Incidents.Create(Sample.Sample("x", "1", day: 60) with { SourceRecord = null }, new ChangeContext("analyst:amina", null));
        return db;
    }

    private static void Import(IVigilDatabase db, string dataset, params Incident[] incidents)
    {
        using var session = db.Incidents.BeginImport(new ImportRequest(dataset, dataset + ".csv", "test", "tester"));
        foreach (var incident in incidents)
            session.Upsert(incident);
        session.Commit(0, "sha-" + dataset);
    }

    [Fact]
    public void Datasets_are_listed_in_import_order_with_the_first_imported_primary_and_their_span_to_the_day()
    {
        using var db = OpenWithData();
        var list = db.Datasets.List();

        Assert.Equal(["pbc-suicide", "ucdp-ged", DatasetNames.Own], list.Select(d => d.Name));
        Assert.Equal(["pbc-suicide"], list.Where(d => d.Primary).Select(d => d.Name));
        var pbc = list[0];
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 9)), (pbc.Coverage.DataFrom, pbc.Coverage.DataTo));
        Assert.Equal(2, pbc.Incidents);
        Assert.False(pbc.Redistributable);
        // UCDP GED is published by calendar year: one event in June covers the whole of 2020.
        var ucdp = list[1];
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)), (ucdp.Coverage.EffectiveFrom, ucdp.Coverage.EffectiveTo));
        Assert.Equal(1, list[2].Incidents);
    }

    [Fact]
    public void Setting_another_primary_and_editing_a_dataset_keep_one_primary()
    {
        using var db = OpenWithData();
        db.Datasets.SetPrimary("ucdp-ged");
        var edited = db.Datasets.Save(db.Datasets.Find("ucdp-ged")! with { Title = "UCDP GED 22.1" });

        Assert.Equal("UCDP GED 22.1", edited.Title);
        Assert.Equal(["ucdp-ged"], db.Datasets.List().Where(d => d.Primary).Select(d => d.Name));
        db.Datasets.SetPrimary("pbc-suicide");
        Assert.Equal(["pbc-suicide"], db.Datasets.List().Where(d => d.Primary).Select(d => d.Name));
        Assert.Equal("UCDP GED 22.1", db.Datasets.Find("ucdp-ged")!.Title);
    }

    [Fact]
    public void An_import_of_a_Vigil_file_is_recorded_under_its_format_yet_lists_only_the_datasets_its_rows_carry()
    {
        using var db = DatabaseLocation.Parse(_dir.File("vigil-file.db")).Open();
        // What the importer does with a Vigil CSV: the import is named after the format, each row keeps its dataset.
        using (var session = db.Incidents.BeginImport(new ImportRequest("vigil-csv", "export.csv", "vigil-csv", "tester")))
        {
            session.Upsert(Sample.Sample("ucdp-ged", "1", day: 10));
            session.Upsert(Sample.Sample("pbc-suicide", "1", day: 20));
            session.Commit(0, "sha-export");
        }

        var list = db.Datasets.List();

        Assert.Equal(["pbc-suicide", "ucdp-ged"], list.Select(d => d.Name));
        Assert.Equal(["pbc-suicide"], list.Where(d => d.Primary).Select(d => d.Name));
    }

    [Fact]
    public void A_dataset_emptied_by_deletes_is_still_listed()
    {
        using var db = OpenWithData();
        var id = db.Incidents.Query(IncidentQuery.All with { Datasets = ["ucdp-ged"] }).Single().Id;
        db.Incidents.Delete(id, 1, new ChangeContext("analyst:amina", "duplicate"));

        var ucdp = db.Datasets.Find("ucdp-ged");

        Assert.NotNull(ucdp);
        Assert.Equal(0, ucdp.Incidents);
    }

    [Fact]
    public void A_scope_without_datasets_is_the_primary_one_and_covers_only_its_span()
    {
        using var db = OpenWithData();
        var scope = _parser.Resolve(new ScopeInput(), db.Datasets);

        Assert.True(scope.Defaulted);
        Assert.Equal(["pbc-suicide"], scope.Query.Datasets);
        Assert.Equal(CoverageState.Full, scope.Coverage.Of(Period.Parse("2020-01")));
        Assert.Equal(CoverageState.Partial, scope.Coverage.Of(Period.Parse("2020-02")));
        Assert.Equal(CoverageState.None, scope.Coverage.Of(Period.Parse("2020-03")));
        Assert.Equal(2, db.Incidents.Count(scope.Query));
    }

    [Fact]
    public void Own_records_are_the_rows_without_a_dataset_and_alone_cover_nothing_fully()
    {
        using var db = OpenWithData();
        var scope = _parser.Resolve(new ScopeInput { Datasets = [DatasetNames.Own] }, db.Datasets);

        Assert.Equal(1, db.Incidents.Count(scope.Query));
        var series = SeriesBuilder.Build(db.Incidents, new SeriesRequest(scope.Query, PeriodUnit.Month, Coverage: scope.Coverage));
        // The month with the record is partial (shown, never compared); there are no fully covered months.
        Assert.Equal(CoverageState.Partial, series.State(Period.Parse("2020-02")));
        Assert.Equal(CoverageState.None, series.State(Period.Parse("2020-01")));
    }

    [Fact]
    public void A_kind_of_event_no_dataset_in_scope_codes_is_said_and_covers_nothing()
    {
        using var db = OpenWithData();
        var scope = _parser.Resolve(new ScopeInput { Datasets = ["ucdp-ged"], Types = ["suicide-bombing"] }, db.Datasets);

        Assert.Single(scope.Coverage.Notes);
        Assert.Contains("does not code suicide-bombing", scope.Coverage.Notes[0], StringComparison.Ordinal);
        Assert.Equal(CoverageState.None, scope.Coverage.Of(Period.Parse("2020-06")));
    }

    [Fact]
    public void An_unknown_dataset_is_refused_naming_the_field_and_the_known_ones()
    {
        using var db = OpenWithData();
        var e = Assert.Throws<FieldException>(() => _parser.Resolve(new ScopeInput { Datasets = ["gdt"] }, db.Datasets));
        Assert.Equal("dataset", e.Field);
        Assert.Contains("pbc-suicide, ucdp-ged, own", e.Problem, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
