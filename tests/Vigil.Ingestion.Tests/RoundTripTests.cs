using System.Text;
using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests;

/// <summary>Vigil's own CSV and JSON: what Vigil exports, Vigil imports back unchanged.</summary>
public class RoundTripTests
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    [Theory]
    [InlineData(Exports.Csv, "vigil-csv")]
    [InlineData(Exports.JsonArray, "vigil-json")]
    [InlineData(Exports.JsonLines, "vigil-json")]
    public void The_UCDP_incidents_exported_and_imported_into_a_fresh_database_are_the_same(string format, string detected)
    {
        using var first = new TestDatabase();
        first.Import(RepoFiles.BundledUcdp);
        var exported = Exports.Write(first.Store, format, first.Folder.File("export." + format));
        using var second = new TestDatabase();

        var result = second.Import(exported);

        Assert.Equal(detected, result.Format);
        Assert.Equal(UcdpFile.Events, result.Summary.Created);
        AssertSameIncidents(first.Store, second.Store);
    }

    [Fact]
    public void A_Vigil_CSV_export_imported_back_into_its_own_database_changes_no_incident()
    {
        using var db = new TestDatabase();
        db.Import(RepoFiles.BundledUcdp);
        var exported = Exports.Write(db.Store, Exports.Csv, db.Folder.File("export.csv"));
        var before = FingerprintParts.Of(db.Path);

        var result = db.Import(exported);
        var after = FingerprintParts.Of(db.Path);

        Assert.Equal((0L, 0L, (long)UcdpFile.Events), (result.Summary.Created, result.Summary.Updated, result.Summary.Unchanged));
        Assert.Equal(before["incidents"], after["incidents"]);
        Assert.Equal(before["incident_sources"], after["incident_sources"]);
        Assert.Equal(before["revisions"], after["revisions"]);
    }

    [Fact]
    public void A_formula_in_a_text_field_is_stored_as_text()
    {
        using var db = new TestDatabase();

        db.Import(AcledWithFormulaNotes(db.Folder));

        Assert.Equal(Formula, Assert.Single(db.Store.Query(IncidentQuery.All)).Notes);
    }

    [Fact]
    public void A_formula_in_a_text_field_is_exported_to_CSV_behind_an_apostrophe_and_re_imports_unchanged()
    {
        using var first = new TestDatabase();
        first.Import(AcledWithFormulaNotes(first.Folder));
        var exported = Exports.Write(first.Store, Exports.Csv, first.Folder.File("export.csv"));
        using var second = new TestDatabase();

        second.Import(exported);

        Assert.Equal("'" + Formula, Assert.Single(CsvTable.Utf8(exported).Rows)["notes"]);
        Assert.Equal(Formula, Assert.Single(second.Store.Query(IncidentQuery.All)).Notes);
        AssertSameIncidents(first.Store, second.Store);
    }

    [Fact]
    public void A_formula_in_a_text_field_is_exported_to_JSON_as_it_is()
    {
        using var db = new TestDatabase();
        db.Import(AcledWithFormulaNotes(db.Folder));

        var exported = Exports.Write(db.Store, Exports.JsonLines, db.Folder.File("export.jsonl"));

        using var json = JsonDocument.Parse(File.ReadAllLines(exported).Single());
        Assert.Equal(Formula, json.RootElement.GetProperty("notes").GetString());
    }

    [Theory]
    [InlineData("'=not a formula, an apostrophe and an equals sign")]
    [InlineData("'-3 as the source wrote it")]
    [InlineData("''+two apostrophes")]
    [InlineData("'plain quoted text")]
    public void Text_that_begins_with_an_apostrophe_survives_the_CSV_round_trip(string notes)
    {
        using var first = new TestDatabase();
        first.Import(AcledWithNotes(first.Folder, notes));
        var exported = Exports.Write(first.Store, Exports.Csv, first.Folder.File("export.csv"));
        using var second = new TestDatabase();

        second.Import(exported);

        Assert.Equal(notes, Assert.Single(first.Store.Query(IncidentQuery.All)).Notes);
        Assert.Equal(notes, Assert.Single(second.Store.Query(IncidentQuery.All)).Notes);
    }

    private static string AcledWithFormulaNotes(TempDirectory folder) => AcledWithNotes(folder, Formula);

    /// <summary>The first row of the ACLED fixture with its notes replaced (and no timestamp, which ACLED's importer adds to the notes).</summary>
    private static string AcledWithNotes(TempDirectory folder, string notes)
    {
        var table = CsvTable.Utf8(TestFiles.Fixture("acled-pakistan-sample.csv"));
        var fields = table.Rows[0].Fields.ToArray();
        fields[table.Header.ToList().IndexOf("notes")] = notes;
        fields[table.Header.ToList().IndexOf("timestamp")] = "";
        static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var text = new StringBuilder()
            .Append(string.Join(',', table.Header)).Append('\n')
            .Append(string.Join(',', fields.Select(Quote))).Append('\n');
        return folder.Write("acled-notes.csv", text.ToString());
    }

    /// <summary>Every incident of <paramref name="expected"/> is in <paramref name="actual"/> with the same fields and sources.</summary>
    private static void AssertSameIncidents(IIncidentStore expected, IIncidentStore actual)
    {
        static string Key(Incident i) => i.SourceRecord!.ToString();
        var before = expected.Query(IncidentQuery.All, includeSources: true).ToDictionary(Key);
        var after = actual.Query(IncidentQuery.All, includeSources: true).ToDictionary(Key);

        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, incident) in before)
        {
            Assert.Empty(IncidentFields.Diff(incident, after[key]));
            Assert.Equal(incident.Sources, after[key].Sources);
        }
    }
}
