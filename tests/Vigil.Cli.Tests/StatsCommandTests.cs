using System.Text.Json;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

public sealed class StatsCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public StatsCommandTests() => Assert.Equal(0, _cli.Run("import", RepoFiles.BundledUcdp).ExitCode);

    [Fact]
    public void A_yearly_series_agrees_with_the_incidents_it_counts()
    {
        var series = JsonDocument.Parse(_cli.Run("stats", "series", "--by", "year", "--json").Output).RootElement.GetProperty("rows");
        var y2021 = series.EnumerateArray().Single(r => r.GetProperty("period").GetString() == "2021");
        var incidents = JsonDocument.Parse(_cli.Run("incidents", "list", "--from", "2021", "--to", "2021", "--json").Output).RootElement;

        Assert.Equal(33, series.GetArrayLength());
        Assert.Equal(incidents.GetArrayLength(), y2021.GetProperty("incidents").GetInt64());
        Assert.Equal(incidents.EnumerateArray().Sum(i => i.GetProperty("killed_best").GetInt64()), y2021.GetProperty("killed_best").GetInt64());
    }

    [Fact]
    public void Explain_lists_the_incidents_behind_a_months_figure()
    {
        var explained = JsonDocument.Parse(_cli.Run("stats", "series", "--explain", "2021-12", "--json").Output).RootElement;

        Assert.Equal(18, explained.GetProperty("ids").GetArrayLength());
    }

    [Fact]
    public void A_breakdown_by_province_with_csv_output_has_one_line_per_province_and_month_and_its_coverage()
    {
        var result = _cli.Run("stats", "series", "--by", "month", "--from", "2021-10", "--to", "2021-12", "--breakdown", "province", "--csv");

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("period,key,coverage,incidents", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("2021-12,\"Balochistan\",full,7,", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_answers_a_claim_given_by_flags_as_json()
    {
        var result = _cli.Run("check", "--metric", "killed", "--value", "37", "--period", "2021-12", "--json");

        var check = JsonDocument.Parse(result.Output).RootElement[0];
        Assert.Equal("supported", check.GetProperty("verdict").GetString());
        Assert.Equal(18, check.GetProperty("incident_ids").GetArrayLength());
    }

    [Fact]
    public void Check_reads_claims_from_a_file_and_says_not_checkable_for_the_seed_figures()
    {
        var file = _cli.Dir.Write("seed-claims.json", """
            [
              {"metric": "killed", "value": 134, "period": "2023-01", "comparison": {"kind": "change", "percent": 139}},
              {"metric": "injured", "value": 254, "period": "2023-01"},
              {"metric": "attacks", "value": 44, "qualifier": "at-least", "period": "2023-01"},
              {"metric": "killed", "period": "2023-01", "comparison": {"kind": "record", "since": "2018-07", "one_of": true}}
            ]
            """);

        var result = _cli.Run("check", "--file", file, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.All(JsonDocument.Parse(result.Output).RootElement.EnumerateArray(), c => Assert.Equal("not-checkable", c.GetProperty("verdict").GetString()));
    }

    [Fact]
    public void A_bad_claim_file_names_the_claim_and_field()
    {
        var file = _cli.Dir.Write("bad-claims.json", """[{"metric": "deaths", "period": "2021-12"}]""");

        var result = _cli.Run("check", "--file", file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("claim 1: metric: 'deaths' is not one of", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_puts_two_datasets_side_by_side_over_the_years_both_cover()
    {
        Assert.Equal(0, _cli.Run("import", SharedData.PbcSuicide).ExitCode);

        var rows = JsonDocument.Parse(_cli.Run("compare", "--a-dataset", "pbc-suicide", "--b-dataset", "ucdp-ged", "--json").Output).RootElement;

        Assert.Equal("1995", rows[0].GetProperty("period").GetString());
        Assert.Equal("2017", rows[rows.GetArrayLength() - 1].GetProperty("period").GetString());
        Assert.Equal(492, rows.EnumerateArray().Sum(r => r.GetProperty("a").GetInt64()));
        Assert.All(rows.EnumerateArray(), r => Assert.Equal(r.GetProperty("a").GetInt64() - r.GetProperty("b").GetInt64(), r.GetProperty("difference").GetInt64()));
    }

    [Fact]
    public void Compare_events_matches_each_pbc_suicide_attack_with_the_ucdp_record_of_it_and_merges_nothing()
    {
        Assert.Equal(0, _cli.Run("import", SharedData.PbcSuicide).ExitCode);
        long before;
        using (var store = Storage.Sqlite.SqliteIncidentStore.Open(_cli.Db))
            before = store.Count(Storage.IncidentQuery.All);

        var result = JsonDocument.Parse(_cli.Run("compare", "--a-dataset", "pbc-suicide", "--b-dataset", "ucdp-ged", "--events", "--json").Output).RootElement;

        var a = result.GetProperty("a");
        Assert.Equal(492, a.GetProperty("records").GetInt32());
        var matched = a.GetProperty("matched").GetInt32();
        Assert.Equal(a.GetProperty("compared").GetInt32(), matched + a.GetProperty("ambiguous").GetInt32() + a.GetProperty("only_in_a").GetInt32());
        Assert.Equal(matched, result.GetProperty("pairs").GetArrayLength());
        Assert.InRange(matched, 1, 491);
        // PBC's suicide attack in Swat on 15 July 2007 (17 killed) is UCDP's clash there that day (18 killed).
        var swat = result.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("date").GetString() == "2007-07-15" && p.GetProperty("district").GetString() == "Swat");
        Assert.Contains("killed 17 ~ 18", swat.GetProperty("why").GetString(), StringComparison.Ordinal);
        // Blocking: far fewer comparisons than records × records.
        Assert.True(result.GetProperty("comparisons").GetInt64() < 492L * result.GetProperty("b").GetProperty("records").GetInt64() / 100);
        using (var store = Storage.Sqlite.SqliteIncidentStore.Open(_cli.Db))
            Assert.Equal(before, store.Count(Storage.IncidentQuery.All));
    }

    public void Dispose() => _cli.Dispose();
}
