using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Domain.Errors;
using Vigil.Ingestion.Formats;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// ACLED's API JSON, written inside each test from the rows of the ACLED fixture (Fixtures/README.md; no real ACLED
/// file is in ../shared): the same events as CSV and as JSON are the same incidents, and a bad response is
/// refused at <c>data[i].field</c> with its line and column, leaving the database as it was.
/// </summary>
public class AcledJsonImportTests
{
    private static readonly string Sample = TestFiles.Fixture("acled-pakistan-sample.csv");

    private static CsvTable Table => CsvTable.Utf8(Sample);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_same_events_as_CSV_and_as_API_JSON_are_stored_as_the_same_incidents(bool numbers)
    {
        using var fromCsv = new TestDatabase();
        using var fromJson = new TestDatabase();
        var json = fromJson.Folder.Write("acled.json", AcledApiJson.Response(AcledApiJson.Events(Table, numbers)));

        var csvResult = fromCsv.Import(Sample);
        var jsonResult = fromJson.Import(json);

        Assert.Equal(("acled", "acled"), (csvResult.Format, jsonResult.Format));
        Assert.Equal(Table.Rows.Count, jsonResult.Summary.Created);
        Assert.Equal(Rows(fromCsv.Path), Rows(fromJson.Path));
    }

    [Fact]
    public void A_bare_array_of_API_events_imports_as_ACLED()
    {
        using var db = new TestDatabase();
        var json = db.Folder.Write("events.json", JsonSerializer.Serialize(AcledApiJson.Events(Table)));

        var result = db.Import(json);

        Assert.Equal("acled", result.Format);
        Assert.Equal(
            Table.Rows.Select(r => r["event_id_cnty"]).Order(StringComparer.Ordinal),
            db.Store.Query(IncidentQuery.All).Select(i => i.SourceRecord!.RecordId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Format_acled_accepts_both_the_CSV_export_and_the_API_JSON()
    {
        using var db = new TestDatabase();
        var json = db.Folder.Write("acled.json", AcledApiJson.Response(AcledApiJson.Events(Table)));
        var options = new ImportOptions { Format = "acled" };

        var csv = db.Import(Sample, options);
        var again = db.Import(json, options);

        Assert.Equal(Table.Rows.Count, csv.Summary.Created);
        Assert.Equal(Table.Rows.Count, again.Summary.Unchanged);
    }

    [Fact]
    public void Detect_tells_ACLED_API_JSON_from_Vigil_JSON()
    {
        using var folder = new Vigil.TestSupport.TempDirectory();
        var envelope = folder.Write("a.json", AcledApiJson.Response(AcledApiJson.Events(Table)));
        var bare = folder.Write("b.json", JsonSerializer.Serialize(AcledApiJson.Events(Table)));
        var refused = folder.Write("c.json", """{"status":401,"success":false,"error":{"status":401,"message":"bad key"}}""");

        Assert.Equal(["acled", "acled", "acled"], new[] { envelope, bare, refused }.Select(p => ImportFormats.Detect(p)));
        Assert.Equal("vigil-json", ImportFormats.Detect(folder.Write("d.json", """[{"dataset":"x","source_id":"1","date_start":"2023-01-01"}]""")));
    }

    [Fact]
    public void A_value_that_is_not_a_count_is_refused_at_its_index_field_line_and_column()
    {
        var events = AcledApiJson.Events(Table);
        events[3]["fatalities"] = "three";

        var (e, path, json) = Refused(events);

        AssertAt(e, path, line: 5, AcledApiJson.ValueColumn(json, 5, "fatalities"), "data[3].fatalities");
        Assert.Contains("'three' is not a whole number", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_JSON_type_is_refused_naming_the_type()
    {
        var events = AcledApiJson.Events(Table);
        events[1]["latitude"] = new[] { 32.9 };

        var (e, path, json) = Refused(events);

        AssertAt(e, path, line: 3, AcledApiJson.ValueColumn(json, 3, "latitude"), "data[1].latitude");
        Assert.Contains("expected a string or a number, found an array", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_without_a_required_field_is_refused_naming_it()
    {
        var events = AcledApiJson.Events(Table);
        events[2].Remove("event_date");

        var (e, path, _) = Refused(events);

        AssertAt(e, path, line: 4, column: 1, "data[2].event_date");
        Assert.Contains("required field is missing", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latitude_out_of_range_is_refused_as_in_the_CSV()
    {
        var events = AcledApiJson.Events(Table, numbers: true);
        events[0]["latitude"] = 95.5;

        var (e, path, json) = Refused(events);

        AssertAt(e, path, line: 2, AcledApiJson.ValueColumn(json, 2, "latitude"), "data[0].latitude");
        Assert.Contains("95.5 is not a latitude", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_JSON_is_refused_with_its_line_and_column()
    {
        var json = AcledApiJson.Response(AcledApiJson.Events(Table));
        var lines = json.Split('\n');
        // Line 4 (the third event) loses the comma before "tags".
        var at = lines[3].IndexOf(",\"tags\"", StringComparison.Ordinal);
        lines[3] = lines[3].Remove(at, 1);

        var (e, path) = RefusedText(string.Join('\n', lines));

        Assert.Equal((path, 4L, at + 1), (e.Location.File, e.Location.Line, e.Location.Column));
        Assert.StartsWith("invalid JSON", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_JSON_in_the_first_event_is_detected_as_ACLED_and_refused_where_it_breaks()
    {
        var lines = AcledApiJson.Response(AcledApiJson.Events(Table)).Split('\n');
        var at = lines[1].IndexOf(",\"notes\"", StringComparison.Ordinal);
        lines[1] = lines[1].Remove(at, 1);

        var (e, path) = RefusedText(string.Join('\n', lines), format: null);

        Assert.Equal((path, 2L, at + 1), (e.Location.File, e.Location.Line, e.Location.Column));
        Assert.StartsWith("invalid JSON", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_in_an_event_are_refused_at_the_field()
    {
        using var db = new TestDatabase();
        var json = AcledApiJson.Response(AcledApiJson.Events(Table));
        var line = json.Split('\n')[2];
        var bytes = Encoding.UTF8.GetBytes(json);
        // The first letter of event 1's location becomes 0xE9 (Latin-1 é), which is not UTF-8 on its own.
        var at = json.IndexOf(line, StringComparison.Ordinal) + line.IndexOf("\"location\":\"", StringComparison.Ordinal) + "\"location\":\"".Length;
        bytes[at] = 0xE9;
        var path = db.Folder.Write("latin1.json", bytes);

        var e = Assert.Throws<InputException>(() => db.Import(path));

        Assert.Equal(path, e.Location.File);
        Assert.Equal(3, e.Location.Line);
        Assert.Contains("UTF-8", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_cut_short_is_refused_as_invalid_JSON()
    {
        var json = AcledApiJson.Response(AcledApiJson.Events(Table));

        var (e, _) = RefusedText(json[..(json.Length / 2)]);

        Assert.StartsWith("invalid JSON", e.Problem, StringComparison.Ordinal);
        Assert.NotNull(e.Location.Line);
    }

    [Fact]
    public void An_error_response_of_the_API_is_refused_saying_what_the_API_said()
    {
        var (e, _) = RefusedText("""{"status":403,"success":false,"error":{"status":403,"message":"Access denied: the key is not valid."}}""");

        Assert.Contains("the ACLED API answered with an error (status 403)", e.Problem, StringComparison.Ordinal);
        Assert.Contains("Access denied: the key is not valid.", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Success_false_is_refused_even_when_events_came_with_it()
    {
        var json = AcledApiJson.Response(AcledApiJson.Events(Table)).Replace("\"success\":true", "\"success\":false", StringComparison.Ordinal)
            .Replace("\"filename\"", "\"messages\":[\"query limit reached\"],\"filename\"", StringComparison.Ordinal);

        var (e, _) = RefusedText(json);

        Assert.Contains("answered with an error (status 200): query limit reached", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_data_array_is_refused_as_no_events()
    {
        var (e, _) = RefusedText("""{"status":200,"success":true,"count":0,"data":[]}""");

        Assert.Contains("the \"data\" array is empty", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_event_deep_in_a_large_response_is_found_by_index_and_line()
    {
        // About 6 MB, many times the reader's buffer, with one event whose notes alone are 200 KB.
        var template = AcledApiJson.Events(Table);
        var events = Enumerable.Range(0, 4000).Select(i =>
        {
            var e = new OrderedDictionary<string, object?>(template[i % template.Count], StringComparer.Ordinal);
            e["event_id_cnty"] = $"PAK{i:00000}";
            return e;
        }).ToList();
        events[1234]["notes"] = new string('n', 200_000);
        events[3999]["fatalities"] = "-1";

        var (e, path, json) = Refused(events);

        AssertAt(e, path, line: 4001, AcledApiJson.ValueColumn(json, 4001, "fatalities"), "data[3999].fatalities");
        Assert.Contains("-1 is negative", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_invalid_imports_the_good_events_and_writes_the_bad_one_with_its_reason()
    {
        using var db = new TestDatabase();
        var events = AcledApiJson.Events(Table);
        events[2]["fatalities"] = "many";
        var json = db.Folder.Write("acled.json", AcledApiJson.Response(events));
        var rejects = db.Folder.File("rejects.jsonl");

        var result = db.Import(json, new ImportOptions { SkipInvalid = true, RejectsPath = rejects });

        Assert.Equal(events.Count - 1, result.Summary.Created);
        var rejected = JsonDocument.Parse(Assert.Single(File.ReadAllLines(rejects))).RootElement;
        Assert.Contains("data[2].fatalities: 'many' is not a whole number", rejected.GetProperty("Error").GetString(), StringComparison.Ordinal);
        Assert.Equal("many", JsonDocument.Parse(rejected.GetProperty("Record").GetString()!).RootElement.GetProperty("fatalities").GetString());
    }

    private static (InputException Error, string Path, string Json) Refused(IReadOnlyList<OrderedDictionary<string, object?>> events)
    {
        var json = AcledApiJson.Response(events);
        var (e, path) = RefusedText(json);
        return (e, path, json);
    }

    /// <summary>Imports the text after a good import of the CSV fixture; asserts the refusal changed nothing.</summary>
    private static (InputException Error, string Path) RefusedText(string json, string? format = "acled")
    {
        using var db = new TestDatabase();
        db.Import(Sample);
        var before = db.Fingerprint();
        var path = db.Folder.Write("response.json", json);

        var e = Assert.Throws<InputException>(() => db.Import(path, new ImportOptions { Format = format }));

        Assert.Equal(before, db.Fingerprint());
        return (e, path);
    }

    private static void AssertAt(InputException e, string path, long line, int column, string field) =>
        Assert.Equal(new InputLocation(path, line, column, field), e.Location);

    /// <summary>Every stored row of every table but the import log, without the times of writing.</summary>
    private static List<string> Rows(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('imports', 'schema_migrations') ORDER BY name";
            using var r = list.ExecuteReader();
            while (r.Read())
                tables.Add(r.GetString(0));
        }
        var rows = new List<string>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = select.ExecuteReader();
            while (r.Read())
            {
                var row = new StringBuilder(table);
                for (var i = 0; i < r.FieldCount; i++)
                {
                    if (!r.GetName(i).EndsWith("_at", StringComparison.Ordinal))
                        row.Append('|').Append(r.GetName(i)).Append('=').Append(r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                }
                rows.Add(row.ToString());
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
