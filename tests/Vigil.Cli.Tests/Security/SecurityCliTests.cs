using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Tests.Security;

/// <summary>Issue 13: the CLI's side of limits (defect 6), key names (4), edge dates (7), future dates (9) and messages (13).</summary>
public sealed class SecurityCliTests : IDisposable
{
    private readonly Cli _cli = new();

    private string Csv(string name, string rows)
    {
        var path = _cli.Dir.File(name);
        File.WriteAllText(path, "dataset,source_id,event_type,date_start\n" + rows);
        return path;
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Serve_refuses_a_request_limit_below_one_per_minute(string perMinute)
    {
        var result = _cli.Run("serve", "--requests-per-minute", perMinute);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--requests-per-minute: must be 1 or more", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_refuses_a_trusted_proxy_that_is_not_an_address()
    {
        var result = _cli.Run("serve", "--trusted-proxy", "proxy.example");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--trusted-proxy: 'proxy.example' is not an IP address", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a/b")]
    [InlineData("<b>x</b>")]
    public void Api_key_names_are_checked_before_the_key_is_created(string name)
    {
        var result = _cli.Run("keys", "create", "--name", name, "--role", "viewer");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--name ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("vgl_", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to", "9999")]
    [InlineData("--to", "9999-12-31")]
    [InlineData("--to", "9999-12")]
    [InlineData("--from", "0001-01-01")]
    public void Calendar_edge_filter_dates_are_refused_by_option(string option, string value)
    {
        var result = _cli.Run("stats", "series", "--by", "week", option, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"{option}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("outside the dates Vigil covers", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Future_dated_rows_are_refused_at_their_file_line_column_and_field()
    {
        // The test clock says 2026-11-01; two days are allowed by default.
        var file = Csv("future.csv", "t,1,bombing,2026-11-03\nt,2,bombing,2090-01-01\n");

        var result = _cli.Run("import", file, "--format", "vigil-csv");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("future.csv:3:4: date_start: 2090-01-01 is in the future", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_future_tolerance_is_an_option()
    {
        var file = Csv("soon.csv", "t,1,bombing,2026-11-05\n");

        Assert.Equal(ExitCodes.BadInput, _cli.Run("import", file, "--format", "vigil-csv").ExitCode);
        Assert.Equal(ExitCodes.Success, _cli.Run("import", file, "--format", "vigil-csv", "--future-days", "7").ExitCode);
    }

    [Fact]
    public void A_missing_input_file_exits_with_not_found()
    {
        var result = _cli.Run("import", _cli.Dir.File("nowhere.csv"));

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("nowhere.csv: file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_to_import_is_called_a_folder()
    {
        var folder = Directory.CreateDirectory(_cli.Dir.File("incoming")).FullName;

        var result = _cli.Run("import", folder);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("is a folder, not a file", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_several_files_says_which_were_not_attempted_after_a_bad_one()
    {
        var good = Csv("good.csv", "t,1,bombing,2020-01-01\n");
        var bad = Csv("bad.csv", "t,2,bombing,not-a-date\n");
        var good2 = Csv("good2.csv", "t,3,bombing,2020-01-03\n");

        var result = _cli.Run("import", good, bad, good2, "--format", "vigil-csv");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"stopped at {bad} (nothing from it was written); imported before it: {good}; not attempted: {good2}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_large_count_is_called_too_large()
    {
        var path = _cli.Dir.File("big.csv");
        File.WriteAllText(path, "dataset,source_id,event_type,date_start,killed_best\nt,1,bombing,2020-01-01,99999999999\n");

        var result = _cli.Run("import", path, "--format", "vigil-csv");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("killed_best: '99999999999' is too large", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
