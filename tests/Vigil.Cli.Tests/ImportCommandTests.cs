using System.Text.Json;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    [Fact]
    public void Importing_the_bundled_UCDP_file_reports_every_incident_created()
    {
        var result = _cli.Run("import", RepoFiles.BundledUcdp, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var report = JsonDocument.Parse(result.Output).RootElement[0];
        Assert.Equal("ucdp-ged", report.GetProperty("format").GetString());
        Assert.Equal(6416, report.GetProperty("created").GetInt64());
        Assert.Equal(0, report.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public void Importing_the_same_file_again_changes_nothing()
    {
        _cli.Run("import", RepoFiles.BundledUcdp);
        var before = StoreFingerprint.Of(_cli.Db);

        var result = _cli.Run("import", RepoFiles.BundledUcdp);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("0 created, 0 updated, 6,416 unchanged", result.Output, StringComparison.Ordinal);
        Assert.Equal(Without(before, "imports"), Without(StoreFingerprint.Of(_cli.Db), "imports"));
    }

    [Fact]
    public void A_bad_file_exits_with_3_names_the_place_and_leaves_the_database_unchanged()
    {
        _cli.Run("import", RepoFiles.BundledUcdp);
        var before = StoreFingerprint.Of(_cli.Db);
        var lines = File.ReadAllLines(RepoFiles.BundledUcdp).Take(6).ToArray();
        var header = lines[0].Split(',');
        var row = lines[4].Split(','); // a row without quoted commas, so splitting on commas is exact
        row[Array.IndexOf(header, "best")] = "many";
        lines[4] = string.Join(",", row);
        var bad = _cli.Dir.Write("bad.csv", string.Join("\r\n", lines) + "\r\n");

        var result = _cli.Run("import", bad);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Matches(@"bad\.csv:5:\d+: best: 'many' is not a whole number", result.Error);
        Assert.Equal(before, StoreFingerprint.Of(_cli.Db));
    }

    [Fact]
    public void Skip_invalid_imports_the_good_rows_and_writes_the_bad_ones_with_reasons()
    {
        var lines = File.ReadAllLines(RepoFiles.BundledUcdp).Take(6).ToArray();
        var header = lines[0].Split(',');
        var row = lines[4].Split(','); // a row without quoted commas, so splitting on commas is exact
        row[Array.IndexOf(header, "latitude")] = "95";
        lines[4] = string.Join(",", row);
        var bad = _cli.Dir.Write("some-bad.csv", string.Join("\r\n", lines) + "\r\n");
        var rejects = _cli.Dir.File("rejects.csv");

        var result = _cli.Run("import", bad, "--skip-invalid", "--rejects", rejects);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Output + result.Error);
        Assert.Contains("3 created", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 rejected", result.Output, StringComparison.Ordinal);
        var written = File.ReadAllLines(rejects);
        Assert.EndsWith(",vigil_line,vigil_error", written[0], StringComparison.Ordinal);
        Assert.Equal(2, written.Length);
        Assert.Contains("latitude", written[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = _cli.Run("import", RepoFiles.BundledUcdp, "--format", "xls");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'xls' is not one of", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_not_found_naming_it()
    {
        var result = _cli.Run("import", _cli.Dir.File("nowhere.csv"));

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("nowhere.csv: file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Pakistan_Body_Count_files_import_with_their_totals_checked()
    {
        var result = _cli.Run("import", SharedData.PbcSuicide, SharedData.PbcDrone);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("492 created", result.Output, StringComparison.Ordinal);
        Assert.Contains("404 created", result.Output, StringComparison.Ordinal);
        Assert.Contains("TOTALS row's figures equal the sums of the 404 strikes", result.Output, StringComparison.Ordinal);
    }

    private static string Without(string fingerprint, string table) =>
        string.Join(" ", fingerprint.Split(' ').Where(p => !p.StartsWith(table + "=", StringComparison.Ordinal)));

    public void Dispose() => _cli.Dispose();
}
