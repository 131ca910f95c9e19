using Vigil.Accountability.Files;
using Vigil.Accountability.Tests.Support;
using Vigil.Domain.Errors;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Accountability.Tests;

public sealed class FileTests
{
    [Theory]
    [InlineData(AccountabilityFormat.Json)]
    [InlineData(AccountabilityFormat.Yaml)]
    public void Export_then_import_gives_the_same_items(AccountabilityFormat format)
    {
        var text = AccountabilityFileWriter.Write(AccountabilitySamples.Full(), format);
        var read = AccountabilityFileReader.Parse(text, "set." + format.ToString().ToLowerInvariant());

        Assert.Equal(AccountabilityFileWriter.Write(AccountabilitySamples.Full(), AccountabilityFormat.Json), AccountabilityFileWriter.Write(read.Set, AccountabilityFormat.Json));
        Assert.Equal(text, AccountabilityFileWriter.Write(read.Set, format));
    }

    [Fact]
    public void A_score_off_the_scale_is_named_by_file_line_column_and_field()
    {
        const string yaml = """
            engagements:
              - {key: e1, start: 2023-02-20, parties: [Pakistan]}
            commitments:
              - key: c1
                engagement: e1
                made_on: 2023-02-24
                made_by: Afghan interim government
                words: assurances
                indicator: {name: TTP attacks}
                scores:
                  - assessed_on: 2023-06-01
                    score: 5
                    evidence: none
            """;
        var e = Assert.Throws<InputException>(() => AccountabilityFileReader.Parse(yaml, "bad.yaml"));

        Assert.Equal(new InputLocation("bad.yaml", 12, 16, "commitments[0].scores[0].score"), e.Location);
        Assert.Contains("5 is not on the 0-3 scale", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.yaml:12:16: commitments[0].scores[0].score: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_in_json_is_named_by_line_and_field()
    {
        const string json = """
            {
              "crossings": [
                {"key": "torkham", "name": "Torkham", "latitude": 34.19, "longitude": 71.07}
              ],
              "status_events": [
                {"crossing": "torkham", "status": "closed", "from": "24/02/2023"}
              ]
            }
            """;
        var e = Assert.Throws<InputException>(() => AccountabilityFileReader.Parse(json, "events.json"));

        Assert.Equal("events.json", e.Location.File);
        Assert.Equal(6, e.Location.Line);
        Assert.Equal("status_events[0].from", e.Location.Field);
        Assert.Contains("'24/02/2023' is not a date", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_refused_rather_than_dropped()
    {
        var e = Assert.Throws<InputException>(() => AccountabilityFileReader.Parse(
            "crossings:\n  - key: torkham\n    name: Torkham\n    latitude: 34.19\n    longitude: 71.07\n    lattitude: 1\n", "c.yaml"));
        Assert.Equal(new InputLocation("c.yaml", 6, 5, "crossings[0].lattitude"), e.Location);
        Assert.Contains("unknown field", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_aliases_are_refused_so_a_short_file_cannot_stand_for_a_huge_one()
    {
        const string yaml = "engagements:\n  - &e {key: e1, start: 2023-02-20, parties: [a]}\n  - *e\n";
        var e = Assert.Throws<InputException>(() => AccountabilityFileReader.Parse(yaml, "a.yaml"));
        Assert.Equal(3, e.Location.Line);
        Assert.Contains("aliases (*e) are not accepted", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_syntax_names_the_line()
    {
        var e = Assert.Throws<InputException>(() => AccountabilityFileReader.Parse("{\n  \"crossings\": [\n    {\"key\": \"a\",,}\n]}", "x.json"));
        Assert.Equal(3, e.Location.Line);
        Assert.Contains("not valid JSON or YAML", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_naming_an_unknown_crossing_fails_at_its_line_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("events.yaml", """
            crossings:
              - {key: torkham, name: Torkham, latitude: 34.19, longitude: 71.07}
            status_events:
              - {crossing: torkham, status: closed, from: 2023-02-19}
              - {crossing: torkam, status: open, from: 2023-02-25}
            """);
        using var db = SqliteIncidentStore.Open(dir.File("vigil.db"), new TestClock());
        var store = new RelationalAccountabilityStore(db);

        var e = Assert.Throws<InputException>(() => AccountabilityImporter.Import(store, path));

        Assert.Equal(new InputLocation("events.yaml", 5, 16, "status_events[1].crossing"), e.Location);
        Assert.Contains("no crossing 'torkam'", e.Problem, StringComparison.Ordinal);
        Assert.Empty(store.GetCrossings());
        Assert.Empty(store.GetStatusEvents());
    }
}
