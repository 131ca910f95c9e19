using System.Globalization;
using System.Text.Json;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>One database with the bundled UCDP data for the output tests, which only read it.</summary>
public sealed class BundledUcdpDatabase : IDisposable
{
    public BundledUcdpDatabase() => Assert.Equal(0, Cli.Run("import", RepoFiles.BundledUcdp).ExitCode);

    public Cli Cli { get; } = new();

    public void Dispose() => Cli.Dispose();
}

/// <summary>
/// Tables for pipes and people: plain tab-separated output when standard output is not a terminal, a periods × keys
/// matrix that says what the long form says, and terminal tables that fit 80 columns without breaking a word.
/// </summary>
public sealed class OutputFormatTests(BundledUcdpDatabase data) : IClassFixture<BundledUcdpDatabase>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private CliResult Run(bool piped, int width, params string[] args)
    {
        data.Cli.Piped = piped;
        data.Cli.Width = width;
        return data.Cli.Run(args);
    }

    private List<JsonElement> SeriesJson(params string[] args) =>
        [.. JsonDocument.Parse(Run(false, 220, [.. args, "--json"]).Output).RootElement.GetProperty("rows").EnumerateArray()];

    /// <summary>The tab-separated table that starts at the line beginning with <paramref name="firstHeader"/>: its header and rows.</summary>
    private static (string[] Header, List<string[]> Rows) Tsv(string output, string firstHeader)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.StartsWith(firstHeader + "\t", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no header line starting '{firstHeader}' in:\n{output}");
        var header = lines[start].Split('\t');
        var rows = lines.Skip(start + 1).TakeWhile(l => l.Contains('\t', StringComparison.Ordinal)).Select(l => l.Split('\t')).ToList();
        return (header, rows);
    }

    private static string N(long value) => value.ToString("N0", Inv);

    private static long? Long(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetInt64();

    [Fact]
    public void A_piped_breakdown_prints_tab_separated_rows_whose_every_cell_is_a_whole_value()
    {
        var result = Run(true, 80, "stats", "series", "--by", "year", "--breakdown", "province");
        var expected = SeriesJson("stats", "series", "--by", "year", "--breakdown", "province");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("─", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
        var (header, rows) = Tsv(result.Output, "period");
        Assert.Equal(["period", "province", "incidents", "killed", "injured", "killed vs previous", "vs year before", "notes"], header);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var (row, json) in rows.Zip(expected))
        {
            Assert.Equal(header.Length, row.Length);
            Assert.Equal(json.GetProperty("period").GetString(), row[0]);
            Assert.Equal(json.GetProperty("key").GetString() ?? "(unknown)", row[1]);
            Assert.Equal(N(json.GetProperty("incidents").GetInt64()), row[2]);
            var (best, low, high) = (Long(json, "killed_best")!.Value, Long(json, "killed_low")!.Value, Long(json, "killed_high")!.Value);
            var range = low == best && high == best ? N(best) : $"{N(best)} ({N(low)}–{N(high)}";
            Assert.StartsWith(range, row[3], StringComparison.Ordinal);
            Assert.Equal("not recorded", row[4]);
        }
    }

    [Fact]
    public void A_range_whose_high_the_source_gives_below_its_best_says_so_beside_it()
    {
        var flagged = SeriesJson("stats", "series", "--by", "year", "--breakdown", "province")
            .Where(r => Long(r, "killed_high") < Long(r, "killed_best")).ToList();
        var (_, rows) = Tsv(Run(true, 80, "stats", "series", "--by", "year", "--breakdown", "province").Output, "period");

        Assert.NotEmpty(flagged);
        foreach (var json in flagged)
        {
            var row = Assert.Single(rows, r => r[0] == json.GetProperty("period").GetString() && r[1] == json.GetProperty("key").GetString());
            Assert.Equal($"{N(Long(json, "killed_best")!.Value)} ({N(Long(json, "killed_low")!.Value)}–{N(Long(json, "killed_high")!.Value)}, high below best in source)", row[3]);
        }
    }

    [Fact]
    public void The_matrix_holds_in_each_period_and_key_cell_the_long_forms_value_and_the_total_of_the_period()
    {
        var matrix = Run(true, 80, "stats", "series", "--by", "year", "--breakdown", "province", "--format", "matrix");
        var (_, longRows) = Tsv(Run(true, 80, "stats", "series", "--by", "year", "--breakdown", "province").Output, "period");
        var json = SeriesJson("stats", "series", "--by", "year", "--breakdown", "province");

        Assert.Equal(0, matrix.ExitCode);
        var (header, rows) = Tsv(matrix.Output, "period");
        var keys = json.Select(r => r.GetProperty("key").GetString() ?? "(unknown)").Distinct().ToList();
        Assert.Equal(["period", .. keys, "total"], header);
        Assert.Equal(json.Select(r => r.GetProperty("period").GetString()).Distinct(), rows.Select(r => r[0]));
        var cells = 0;
        foreach (var row in rows)
        {
            for (var k = 0; k < keys.Count; k++)
            {
                var longRow = Assert.Single(longRows, r => r[0] == row[0] && r[1] == keys[k]);
                // The long form's killed cell is "best" or "best (low–high...)": the matrix holds the best.
                Assert.Equal(longRow[3].Split(' ')[0], row[k + 1]);
                cells++;
            }
            var total = json.Where(r => r.GetProperty("period").GetString() == row[0]).Sum(r => Long(r, "killed_best") ?? 0);
            Assert.Equal(N(total), row[^1]);
        }
        Assert.Equal(json.Count, cells);
    }

    [Fact]
    public void The_matrix_is_offered_only_with_a_breakdown_and_only_where_there_is_one()
    {
        var withoutBreakdown = Run(true, 80, "stats", "series", "--by", "year", "--format", "matrix");
        var elsewhere = Run(true, 80, "incidents", "list", "--format", "matrix");

        Assert.Equal(2, withoutBreakdown.ExitCode);
        Assert.Contains("--format matrix needs --breakdown", withoutBreakdown.Error, StringComparison.Ordinal);
        Assert.Equal(2, elsewhere.ExitCode);
        Assert.Contains("--format: 'matrix' is not one of: table, plain", elsewhere.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_table_keeps_a_boxed_table_in_a_pipe_and_format_plain_gives_a_plain_one_at_a_terminal()
    {
        var boxed = Run(true, 220, "db", "info", "--format", "table");
        var plain = Run(false, 220, "db", "info", "--format", "plain");

        Assert.Contains("─", boxed.Output, StringComparison.Ordinal);
        var (header, rows) = Tsv(plain.Output, "#");
        Assert.Equal(["#", "when (UTC)", "file", "format", "by", "created", "updated", "unchanged", "rejected", "sha256"], header);
        Assert.Equal(["conflict_data_pak.csv", "ucdp-ged", "6,416"], Assert.Single(rows)[2..4].Append(rows[0][5]));
    }

    [Fact]
    public void Db_info_at_80_columns_fits_and_keeps_its_dates_names_and_numbers_whole()
    {
        var result = Run(false, 80, "db", "info");

        Assert.Equal(0, result.ExitCode);
        AssertFits(result.Output, 80);
        var import = Assert.Single(result.Output.Split('\n'), l => l.Contains("conflict_data_pak.csv", StringComparison.Ordinal));
        Assert.Contains("ucdp-ged", import, StringComparison.Ordinal);
        Assert.Contains("6,416", import, StringComparison.Ordinal);
        Assert.Matches(@"\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b", import);
        Assert.Contains("too narrow for sha256", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Incidents_list_at_80_columns_fits_and_shows_every_id_date_and_figure_whole()
    {
        var args = new[] { "incidents", "list", "--from", "2014-06", "--to", "2014-06", "--sort", "killed", "--desc", "--limit", "15" };
        var result = Run(false, 80, args);
        var json = JsonDocument.Parse(Run(false, 220, [.. args, "--json"]).Output).RootElement.EnumerateArray().ToList();

        Assert.Equal(0, result.ExitCode);
        AssertFits(result.Output, 80);
        Assert.Equal(15, json.Count);
        var lines = result.Output.Split('\n');
        foreach (var incident in json)
        {
            // The row starts on the line with the id; its start date and best figure are on that line, whole.
            var id = incident.GetProperty("id").GetInt64().ToString(Inv);
            var line = Assert.Single(lines, l => l.TrimStart().StartsWith(id + " ", StringComparison.Ordinal));
            Assert.Contains(incident.GetProperty("date_start").GetString()!, line, StringComparison.Ordinal);
            Assert.Contains(N(incident.GetProperty("killed_best").GetInt64()), line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Counts_of_one_are_singular()
    {
        var one = JsonDocument.Parse(Run(false, 220, "stats", "series", "--by", "day", "--from", "2021-12", "--to", "2021-12", "--json").Output)
            .RootElement.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("incidents").GetInt64() == 1).GetProperty("period").GetString()!;

        var listed = Run(false, 220, "incidents", "list", "--from", one, "--to", one);
        var explained = Run(false, 220, "stats", "series", "--by", "day", "--explain", one);

        Assert.Contains("1 of 1 incident\n", listed.Output.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("1 incidents", listed.Output, StringComparison.Ordinal);
        Assert.Contains("The 1 incident behind", explained.Output, StringComparison.Ordinal);
        Assert.Equal("1 candidate", Infrastructure.Counted.Of(1, "candidate"));
        Assert.Equal("2 candidates", Infrastructure.Counted.Of(2, "candidate"));
        Assert.Equal("0 queries", Infrastructure.Counted.Of(0, "query", "queries"));
    }

    private static void AssertFits(string output, int width)
    {
        foreach (var line in output.Split('\n'))
            Assert.True(line.TrimEnd('\r').Length <= width, $"wider than {width}: '{line}'");
    }
}
