using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// The command line's logs: Vigil's events (imports, merges, ...) on standard error, never mixed into the output a
/// script reads. Warnings and errors by default; <c>VIGIL_LOG_LEVEL=information</c> (or debug, trace, none) shows
/// more or less, and <c>VIGIL_LOG_FORMAT=json</c> writes one JSON object per line, as the server does.
/// </summary>
public static class CliLogging
{
    public const string LevelVariable = "VIGIL_LOG_LEVEL";
    public const string FormatVariable = "VIGIL_LOG_FORMAT";

    public static ILoggerFactory Create() => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(Level(Environment.GetEnvironmentVariable(LevelVariable)));
        if (string.Equals(Environment.GetEnvironmentVariable(FormatVariable), "json", StringComparison.OrdinalIgnoreCase))
            builder.AddJsonConsole(o => o.UseUtcTimestamp = true);
        else
            builder.AddSimpleConsole(o => { o.SingleLine = true; o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ "; });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    });

    /// <summary>The level a user names (any case), else Warning.</summary>
    public static LogLevel Level(string? name) =>
        Enum.TryParse<LogLevel>(name, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : LogLevel.Warning;
}
