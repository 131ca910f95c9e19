using System.ComponentModel;
using Spectre.Console.Cli;

namespace Vigil.Cli.Infrastructure;

/// <summary>How a command's tables print (<c>--format</c>).</summary>
public enum TableFormat
{
    /// <summary>Boxed columns for a person at a terminal, fitted to its width without breaking a word.</summary>
    Table,

    /// <summary>Tab-separated with a header line: no wrapping, colour or box characters (the default when standard output is not a terminal).</summary>
    Plain,

    /// <summary>A breakdown as periods × keys: one row per period, one column per key (commands with a breakdown).</summary>
    Matrix,
}

/// <summary>Settings of a command that prints tables: its <c>--format</c>, read by <see cref="TableFormatInterceptor"/>.</summary>
public interface ITableFormatSettings
{
    /// <summary>table, plain, or (where <see cref="AllowsMatrix"/>) matrix; null for the default.</summary>
    string? TableFormat { get; }

    /// <summary>Whether the command prints a breakdown that <c>--format matrix</c> can pivot.</summary>
    bool AllowsMatrix => false;
}

/// <summary>The database and <c>--format</c>, shared by the commands that print tables.</summary>
public class TableSettings : DatabaseSettings, ITableFormatSettings
{
    public const string FormatHelp = "table or plain (tab-separated, a header line, no wrapping: the default when the output is not a terminal).";

    [CommandOption("--format <FORMAT>")]
    [Description(FormatHelp)]
    public string? TableFormat { get; init; }
}

/// <summary>Parses <c>--format</c> and chooses the default.</summary>
public static class TableFormats
{
    /// <summary>The format to print in: the one given, else plain when standard output is not a terminal, else table.</summary>
    /// <exception cref="OptionException">The text names no format the command offers.</exception>
    public static TableFormat Resolve(ITableFormatSettings settings, bool piped)
    {
        var allowed = settings.AllowsMatrix ? "table, plain, matrix" : "table, plain";
        return settings.TableFormat switch
        {
            null => piped ? TableFormat.Plain : TableFormat.Table,
            "table" => TableFormat.Table,
            "plain" => TableFormat.Plain,
            "matrix" when settings.AllowsMatrix => TableFormat.Matrix,
            var other => throw new OptionException($"--format: '{other}' is not one of: {allowed}"),
        };
    }
}

/// <summary>Tells <see cref="CliOutput"/> the running command's table format before it runs: the one door for that choice.</summary>
public sealed class TableFormatInterceptor(CliOutput output) : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings) =>
        output.Format = settings is ITableFormatSettings t ? TableFormats.Resolve(t, output.Piped) : output.Piped ? TableFormat.Plain : TableFormat.Table;
}
