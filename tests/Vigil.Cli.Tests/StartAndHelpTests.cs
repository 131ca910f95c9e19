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

    public static TheoryData<string> Commands() => [.. CliReference.CommandPaths()];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help(string command)
    {
        // Every command and group of the tree: a description Spectre cannot render (a "[" taken as markup) is a crash.
        var result = _cli.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("USAGE:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
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
