using Vigil.Application.Datasets;
using Vigil.Domain.Datasets;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;
using Sample = Vigil.TestSupport.Contracts.Incidents;

namespace Vigil.Application.Tests;

/// <summary><see cref="DatasetRegistry"/> on a real SQLite file: PBC suicide attacks imported first (2020-01-01 and 2020-02-09), then UCDP GED (2020-06-28).</summary>
public sealed class DatasetRegistryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Path => _dir.File("registry.db");

    public DatasetRegistryTests()
    {
        using var db = Open();
        Import(db, "pbc-suicide", Sample.Sample("pbc-suicide", "1", day: 1), Sample.Sample("pbc-suicide", "2", day: 40));
        Import(db, "ucdp-ged", Sample.Sample("ucdp-ged", "1", day: 180));
    }

    private IVigilDatabase Open() => DatabaseLocation.Parse(Path).Open();

    private static void Import(IVigilDatabase db, string dataset, params Incident[] incidents)
    {
        using var session = db.Incidents.BeginImport(new ImportRequest(dataset, dataset + ".csv", "test", "tester"));
        foreach (var incident in incidents)
            session.Upsert(incident);
        session.Commit(0, "sha-" + dataset);
    }

    /// <summary>The rows and checksum of the datasets table, read from the file.</summary>
    private string DatasetsTable() => StoreFingerprint.Of(Path, "datasets");

    [Fact]
    public void An_edit_of_every_field_is_saved_and_read_back_from_the_file()
    {
        using (var db = Open())
        {
            new DatasetRegistry(db).Edit("PBC-Suicide", new DatasetEdit
            {
                Title = "  PBC suicide attacks, 2017 release ",
                Description = "Suicide attacks in Pakistan, 1995-2017.\nCompiled from the press.",
                Citation = "Pakistan Body Count (2017).",
                Licence = "CC0",
                Redistributable = true,
                From = "2000",
                To = "2020-06",
                Gaps = ["2010-03-01..2010-03-31", "2005..2005"],
                Countries = ["PAK"],
                EventTypes = ["suicide-bombing", "bombing", "suicide-bombing"],
                Kinds = "suicide attacks",
                NotRecorded = ["Injured"],
                Comprehensive = false,
            });
        }

        using var reopened = Open();
        var d = new DatasetRegistry(reopened).Show("pbc-suicide");
        Assert.Equal(("PBC suicide attacks, 2017 release", "Suicide attacks in Pakistan, 1995-2017.\nCompiled from the press.", "Pakistan Body Count (2017).", "CC0", true),
            (d.Title, d.Description, d.Citation, d.Licence, d.Redistributable));
        var c = d.Coverage;
        Assert.Equal((new DateOnly(2000, 1, 1), new DateOnly(2020, 6, 30)), (c.From, c.To));
        Assert.Equal([new DaySpan(new DateOnly(2005, 1, 1), new DateOnly(2005, 12, 31)), new DaySpan(new DateOnly(2010, 3, 1), new DateOnly(2010, 3, 31))], c.Gaps);
        Assert.Equal(["Pakistan"], c.Countries);
        Assert.Equal([EventType.SuicideBombing, EventType.Bombing], c.EventTypes);
        Assert.Equal("suicide attacks", c.Kinds);
        Assert.Equal(["injured"], c.NotRecorded);
        Assert.False(c.Comprehensive);
        // Declared bounds minus the gaps; the data's own span is still read from the data.
        Assert.Equal(["2000-01-01..2004-12-31", "2006-01-01..2010-02-28", "2010-04-01..2020-06-30"], c.Spans().Select(s => s.ToString()));
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 9)), (c.DataFrom, c.DataTo));
    }

    [Fact]
    public void An_edit_changes_only_what_it_gives_and_empty_lists_and_none_clear()
    {
        using var db = Open();
        var registry = new DatasetRegistry(db);
        registry.Edit("ucdp-ged", new DatasetEdit { From = "2019-01-01", Countries = ["Pakistan"] });
        var before = registry.Show("ucdp-ged");

        var after = registry.Edit("ucdp-ged", new DatasetEdit { From = "none", EventTypes = [], NotRecorded = [] });

        Assert.Equal((before.Title, before.Citation, before.Licence, before.Coverage.Kinds), (after.Title, after.Citation, after.Licence, after.Coverage.Kinds));
        Assert.Equal(["Pakistan"], after.Coverage.Countries);
        Assert.Null(after.Coverage.From);
        // UCDP GED is published by whole years: without a declared first day, the data's year begins the coverage.
        Assert.Equal(new DateOnly(2020, 1, 1), after.Coverage.EffectiveFrom);
        Assert.Empty(after.Coverage.EventTypes);
        Assert.Empty(after.Coverage.NotRecorded);
        Assert.True(after.Coverage.Codes(EventType.SuicideBombing));
    }

    [Fact]
    public void An_empty_edit_writes_nothing()
    {
        var table = DatasetsTable();
        using (var db = Open())
            Assert.Equal("UCDP GED", new DatasetRegistry(db).Edit("ucdp-ged", new DatasetEdit()).Title);
        Assert.Equal(table, DatasetsTable());
    }

    [Theory]
    [InlineData("title", " ")]
    [InlineData("title", "UCDP\u001b[2J")]
    [InlineData("kinds", "all\u0007")]
    [InlineData("description", "two\nlines and a \u0000")]
    [InlineData("licence", "")]
    [InlineData("from", "2020-13-01")]
    [InlineData("from", "1800")]
    [InlineData("to", "yesterday")]
    [InlineData("gaps", "1993")]
    [InlineData("gaps", "1994..1993")]
    [InlineData("countries", " ")]
    [InlineData("event_types", "bomb")]
    [InlineData("not_recorded", "dead")]
    public void A_bad_value_is_refused_naming_its_field_and_nothing_is_written(string field, string value)
    {
        using (var db = Open())
            new DatasetRegistry(db).Edit("pbc-suicide", new DatasetEdit { From = "2019" });
        var table = DatasetsTable();
        // A good change beside the bad value must not be saved either.
        var edit = new DatasetEdit { Citation = "changed" };
        edit = field switch
        {
            "title" => edit with { Title = value },
            "licence" => edit with { Licence = value },
            "kinds" => edit with { Kinds = value },
            "description" => edit with { Description = value },
            "from" => edit with { From = value },
            "to" => edit with { To = value },
            "gaps" => edit with { Gaps = ["2001..2001", value] },
            "countries" => edit with { Countries = ["Pakistan", value] },
            "event_types" => edit with { EventTypes = ["bombing", value] },
            "not_recorded" => edit with { NotRecorded = [value] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        using var again = Open();
        var e = Assert.Throws<FieldException>(() => new DatasetRegistry(again).Edit("pbc-suicide", edit));

        Assert.Equal(field, e.Field);
        Assert.Equal(table, DatasetsTable());
        Assert.StartsWith("Pakistan Body Count (Zeeshan-ul-hassan Usmani)", new DatasetRegistry(again).Show("pbc-suicide").Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_type_outside_Vigils_names_is_refused_listing_them()
    {
        using var db = Open();
        var e = Assert.Throws<FieldException>(() => new DatasetRegistry(db).Edit("ucdp-ged", new DatasetEdit { EventTypes = ["Suicide attack"] }));
        Assert.Contains("'Suicide attack' is not one of: ", e.Problem, StringComparison.Ordinal);
        Assert.Contains("suicide-bombing", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_day_before_the_first_is_refused_whether_the_first_is_declared_or_the_datas()
    {
        using var db = Open();
        var registry = new DatasetRegistry(db);

        // PBC's data begins on 2020-01-01 and nothing is declared.
        var data = Assert.Throws<FieldException>(() => registry.Edit("pbc-suicide", new DatasetEdit { To = "2019-12-31" }));
        Assert.Equal(("to", "2019-12-31 is before from (2020-01-01, the span of its data)"), (data.Field, data.Problem));

        registry.Edit("pbc-suicide", new DatasetEdit { From = "2015-01-01", To = "2018-12-31" });
        var declared = Assert.Throws<FieldException>(() => registry.Edit("pbc-suicide", new DatasetEdit { From = "2019-01-01" }));
        Assert.Equal(("from", "2019-01-01 is after to (2018-12-31)"), (declared.Field, declared.Problem));
        var both = Assert.Throws<FieldException>(() => registry.Edit("pbc-suicide", new DatasetEdit { From = "2016", To = "2015" }));
        Assert.Equal("to", both.Field);
    }

    [Fact]
    public void An_unknown_dataset_is_not_found_and_the_message_lists_the_datasets_there_are()
    {
        using var db = Open();
        var registry = new DatasetRegistry(db);

        foreach (var act in new Action[] { () => registry.Show("gdt"), () => registry.Edit("gdt", new DatasetEdit { Title = "GTD" }), () => registry.SetPrimary("gdt") })
        {
            var e = Assert.Throws<NotFoundException>(act);
            Assert.Equal("dataset 'gdt' not found; the datasets are pbc-suicide, ucdp-ged", e.Message);
        }
    }

    [Fact]
    public void The_first_imported_is_primary_until_another_is_set()
    {
        using var db = Open();
        var registry = new DatasetRegistry(db);
        Assert.Equal(["pbc-suicide"], registry.List().Where(d => d.Primary).Select(d => d.Name));

        var primary = registry.SetPrimary("UCDP-GED");

        Assert.True(primary.Primary);
        Assert.Equal("ucdp-ged", primary.Name);
        Assert.Equal(["ucdp-ged"], registry.List().Where(d => d.Primary).Select(d => d.Name));
    }

    public void Dispose() => _dir.Dispose();
}
