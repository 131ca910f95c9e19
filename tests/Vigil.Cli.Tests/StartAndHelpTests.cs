using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Tests;

public sealed class StartAndHelpTests : IDisposable
{
    private readonly Cli _cli = new();

    [Fact]
    public void Start_loads_the_bundled_data_once_and_prints_the_latest_months_summary()
    {
        var first = _cli.Run("start");
        var second = _cli.Run("start");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("loaded 6,416 incidents", first.Output, StringComparison.Ordinal);
        Assert.Contains("Security summary: December 2021", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("loaded", second.Output, StringComparison.Ordinal);
        Assert.Contains("6,416 incidents", second.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("incidents", "list")]
    [InlineData("incidents", "show")]
    [InlineData("export")]
    [InlineData("summary")]
    [InlineData("db", "info")]
    [InlineData("start")]
    [InlineData("stats", "series")]
    [InlineData("check")]
    [InlineData("compare")]
    [InlineData("report", "monthly")]
    [InlineData("datasets", "list")]
    [InlineData("datasets", "edit")]
    public void Every_command_has_help(params string[] command)
    {
        var result = _cli.Run([.. command, "--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("USAGE:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        var result = _cli.Run("frobnicate");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("vigil --help", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
