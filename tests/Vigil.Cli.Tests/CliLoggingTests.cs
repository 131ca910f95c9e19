using Microsoft.Extensions.Logging;
using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Tests;

public sealed class CliLoggingTests
{
    [Theory]
    [InlineData(null, LogLevel.Warning)]
    [InlineData("", LogLevel.Warning)]
    [InlineData("information", LogLevel.Information)]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("none", LogLevel.None)]
    [InlineData("loud", LogLevel.Warning)]
    [InlineData("42", LogLevel.Warning)]
    public void The_log_level_is_read_from_the_environment_in_any_case_and_defaults_to_warnings(string? given, LogLevel expected) =>
        Assert.Equal(expected, CliLogging.Level(given));
}
