using Spectre.Console;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// Where a command writes: <see cref="Console"/> for results (stdout), <see cref="Error"/> for diagnostics
/// (stderr), so that <c>--json</c> and <c>--csv</c> output stays clean for the script that reads it.
/// </summary>
public sealed class CliOutput(IAnsiConsole console, TextWriter error, Func<Stream> openStdout)
{
    public IAnsiConsole Console { get; } = console;
    public TextWriter Error { get; } = error;

    /// <summary>Raw text output, not interpreted as markup and not wrapped.</summary>
    public TextWriter Out => Console.Profile.Out.Writer;

    /// <summary>Standard input (<c>--file -</c>); tests give their own.</summary>
    public Func<TextReader> OpenStdin { get; init; } = () => System.Console.In;

    /// <summary>Raw binary standard output, for streamed JSON.</summary>
    public Stream OpenStdout() => openStdout();

    /// <summary>Whether a live progress bar can be drawn (an interactive terminal, not a pipe or a test).</summary>
    public bool Interactive => Console.Profile.Capabilities.Interactive && !System.Console.IsOutputRedirected;

    public static CliOutput FromProcessConsole() =>
        new(AnsiConsole.Console, System.Console.Error, System.Console.OpenStandardOutput);
}
