using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>list, show, export, summary and db info over the bundled UCDP data, imported once per test.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public QueryCommandTests() => Assert.Equal(0, _cli.Run("import", RepoFiles.BundledUcdp).ExitCode);

    [Fact]
    public void Listing_filters_by_province_spelling_actor_alias_year_and_minimum_killed()
    {
        var result = _cli.Run("incidents", "list", "--province", "NWFP", "--actor", "Pakistani Taliban",
            "--from", "2014", "--to", "2014", "--min-killed", "10", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var incidents = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(incidents);
        Assert.All(incidents, i =>
        {
            Assert.Equal("Khyber Pakhtunkhwa", i.GetProperty("admin1").GetString());
            Assert.StartsWith("2014-", i.GetProperty("date_start").GetString(), StringComparison.Ordinal);
            Assert.True(i.GetProperty("killed_best").GetInt32() >= 10);
            Assert.Contains(new[] { "perpetrator", "target", "state_forces", "armed_group", "other_party" }, p => i.TryGetProperty(p, out var a) && a.GetString() == "TTP");
        });
    }

    [Fact]
    public void The_table_says_how_many_of_how_many_it_shows()
    {
        var result = _cli.Run("incidents", "list", "--limit", "5", "--sort", "killed", "--desc");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("5 of 6,416 incidents", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_output_has_Vigils_header_and_one_line_per_incident()
    {
        var result = _cli.Run("incidents", "list", "--from", "2021-12", "--to", "2021-12", "--csv");

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,revision,dataset,source_id,date_start", lines[0], StringComparison.Ordinal);
        Assert.Equal(18, lines.Length - 1);
    }

    [Fact]
    public void Show_prints_the_incident_its_sources_and_its_revision_history()
    {
        var first = JsonDocument.Parse(_cli.Run("incidents", "list", "--limit", "1", "--json").Output).RootElement[0];
        var id = first.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        var text = _cli.Run("incidents", "show", id);
        var json = JsonDocument.Parse(_cli.Run("incidents", "show", id, "--json").Output).RootElement;

        Assert.Equal(ExitCodes.Success, text.ExitCode);
        Assert.Contains("Sources", text.Output, StringComparison.Ordinal);
        Assert.Contains("Revisions", text.Output, StringComparison.Ordinal);
        Assert.Equal("ucdp-ged", json.GetProperty("incident").GetProperty("dataset").GetString());
        Assert.Equal("create", json.GetProperty("revisions")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Showing_an_unknown_id_exits_with_4()
    {
        var result = _cli.Run("incidents", "show", "999999");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("incident 999999 not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_then_import_into_a_new_database_gives_the_same_incidents()
    {
        var exported = _cli.Dir.File("all.csv");
        Assert.Equal(0, _cli.Run("export", "--format", "csv", "--out", exported).ExitCode);
        var other = _cli.Dir.File("other.db");

        var result = _cli.Run("import", exported, "--db", other, "--json");
        var again = _cli.Dir.File("again.csv");
        _cli.Run("export", "--format", "csv", "--out", again, "--db", other);

        Assert.Equal(6416, JsonDocument.Parse(result.Output).RootElement[0].GetProperty("created").GetInt64());
        Assert.Equal(WithoutBookkeeping(exported), WithoutBookkeeping(again));
    }

    [Fact]
    public void The_summary_compares_the_month_with_the_one_before_and_a_year_before()
    {
        var result = _cli.Run("summary", "--month", "2021-12", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var s = JsonDocument.Parse(result.Output).RootElement;
        var (incidents, killed, injured) = (s.GetProperty("headlines")[0], s.GetProperty("headlines")[1], s.GetProperty("headlines")[2]);
        Assert.Equal(18, incidents.GetProperty("value").GetInt64());
        var list = JsonDocument.Parse(_cli.Run("incidents", "list", "--from", "2021-11", "--to", "2021-11", "--json").Output).RootElement;
        Assert.Equal(list.GetArrayLength(), incidents.GetProperty("previous_month").GetInt64());
        Assert.Equal(list.EnumerateArray().Sum(i => i.TryGetProperty("killed_best", out var k) ? k.GetInt64() : 0),
            killed.GetProperty("previous_month").GetInt64());
        // UCDP GED records no injuries: the figure is "not recorded", never 0; the scope says which dataset it is.
        Assert.Equal(JsonValueKind.Null, injured.GetProperty("value").ValueKind);
        Assert.Equal("not recorded", injured.GetProperty("missing").GetString());
        Assert.Equal(["ucdp-ged"], s.GetProperty("scope").GetProperty("datasets").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void Db_info_reports_counts_and_the_import()
    {
        var result = _cli.Run("db", "info", "--json");

        var root = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(6416, root.GetProperty("info").GetProperty("incidents").GetInt64());
        Assert.Equal(64, root.GetProperty("imports")[0].GetProperty("file_sha256").GetString()!.Length);
    }

    [Fact]
    public void A_bad_filter_value_is_a_usage_error_naming_the_option()
    {
        var result = _cli.Run("incidents", "list", "--type", "riot");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--type: 'riot' is not one of", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The export minus the columns that describe the copy rather than the incident.</summary>
    private static string[] WithoutBookkeeping(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath);
        var header = lines[0].Split(',');
        Assert.Equal(["id", "created_at", "updated_at", "deleted_at"], new[] { header[0], header[^3], header[^2], header[^1] });
        // The bookkeeping columns hold no commas or quotes, so cutting them off by position is safe.
        return lines.Skip(1).Select(l => string.Join(",", l.Split(',').Skip(1).SkipLast(3))).OrderBy(l => l, StringComparer.Ordinal).ToArray();
    }

    public void Dispose() => _cli.Dispose();
}
