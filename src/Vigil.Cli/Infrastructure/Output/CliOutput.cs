using Spectre.Console;
using Spectre.Console.Rendering;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// Where a command writes: <see cref="Console"/> for results (stdout), <see cref="Error"/> for diagnostics
/// (stderr), so that <c>--json</c> and <c>--csv</c> output stays clean for the script that reads it. Every table
/// goes through <see cref="Write(Table, string[])"/>, which prints it as the running command's <see cref="Format"/> says.
/// </summary>
public sealed class CliOutput(IAnsiConsole console, TextWriter error, Func<Stream> openStdout)
{
    public IAnsiConsole Console { get; } = console;
    public TextWriter Error { get; } = error;

    /// <summary>Raw text output, not interpreted as markup and not wrapped.</summary>
    public TextWriter Out => Console.Profile.Out.Writer;

    /// <summary>Standard input (<c>--file -</c>); tests give their own.</summary>
    public Func<TextReader> OpenStdin { get; init; } = () => System.Console.In;

    /// <summary>Whether standard output is a pipe or a file rather than a terminal: tables then print plain unless <c>--format table</c>.</summary>
    public bool Piped { get; init; }

    /// <summary>How the running command prints its tables (set from <c>--format</c> before it runs).</summary>
    public TableFormat Format { get; set; }

    /// <summary>Raw binary standard output, for streamed JSON.</summary>
    public Stream OpenStdout() => openStdout();

    /// <summary>Whether a live progress bar can be drawn (an interactive terminal, not a pipe or a test).</summary>
    public bool Interactive => Console.Profile.Capabilities.Interactive && !System.Console.IsOutputRedirected;

    /// <summary>
    /// Prints a table: plain (tab-separated) for <see cref="TableFormat.Plain"/> (and a matrix in a pipe), else fitted to the terminal's width with
    /// no word broken — hiding the <paramref name="optional"/> columns (named by header, least needed first) while it does
    /// not fit, and as one block per row when even that does not.
    /// </summary>
    public void Write(Table table, params string[] optional)
    {
        if (Format == TableFormat.Plain || (Format == TableFormat.Matrix && Piped))
        {
            PlainTable.Write(Out, table, RenderOptions.Create(Console, Console.Profile.Capabilities));
            return;
        }
        var fitted = TableFit.Fit(table, Console, optional);
        foreach (var part in fitted.Parts)
            Console.Write(part);
        if (fitted.Hidden.Count > 0)
            Console.MarkupLine(Markup.Escape($"(too narrow for {string.Join(", ", fitted.Hidden)}: widen the terminal, or use --format plain)"));
    }

    /// <summary>A heading line: a rule across a terminal, the bare text in a pipe or plain output.</summary>
    public void Heading(string markup)
    {
        if (Format == TableFormat.Plain || Piped)
            Out.WriteLine(Markup.Remove(markup));
        else
            Console.Write(new Rule(markup).LeftJustified());
    }

    /// <summary>A titled box around <paramref name="content"/> on a terminal; the title and the content alone in a pipe or plain output.</summary>
    public void Boxed(IRenderable content, string titleMarkup)
    {
        if (Format == TableFormat.Plain || Piped)
        {
            Out.WriteLine(Markup.Remove(titleMarkup));
            Console.Write(content);
        }
        else
        {
            Console.Write(new Panel(content).Header(titleMarkup).Expand());
        }
    }

    /// <summary>The width text is laid out to in a pipe: wide enough that a line is not wrapped where a script reads it.</summary>
    public const int PipeWidth = 1000;

    public static CliOutput FromProcessConsole()
    {
        var piped = System.Console.IsOutputRedirected;
        var console = AnsiConsole.Console;
        if (piped)
            console.Profile.Width = PipeWidth;
        return new(console, System.Console.Error, System.Console.OpenStandardOutput) { Piped = piped };
    }
}
