using System.Text;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// Writes docs/cli.md from the command tree itself: the model Spectre.Console.Cli builds from
/// <see cref="VigilCli.Configure"/> (the same one <c>--help</c> prints), so the reference cannot drift from the code.
/// </summary>
public static class CliReference
{
    public const string RegenerateCommand = "VIGIL_UPDATE_DOCS=1 dotnet test tests/Vigil.Cli.Tests --filter CliReference";

    public static string DocsPath => RepoFiles.Path_("docs", "cli.md");

    /// <summary>The Markdown text of docs/cli.md for the command tree as configured now.</summary>
    public static string Generate()
    {
        var model = CaptureModel();
        var md = new StringBuilder();
        var commands = Visible(model.Commands).ToList();
        var db = Flatten(commands).SelectMany(c => c.Parameters).OfType<ICommandOption>()
            .FirstOrDefault(o => o.LongNames.Contains("db"));

        md.Append("<!-- Generated from the command tree (src/Vigil.Cli/VigilCli.cs) by tests/Vigil.Cli.Tests/CliReference.cs: do not edit by hand.\n");
        md.Append("     Regenerate with: ").Append(RegenerateCommand).Append(" -->\n\n");
        md.Append("# The `").Append(model.ApplicationName).Append("` command line\n\n");
        md.Append("Every command and command group of `vigil`, as `vigil COMMAND --help` prints it. `tools/install-vigil.sh` installs\n");
        md.Append("the `vigil` command (a .NET tool); without it, run a command from a clone with\n");
        md.Append("`dotnet run --project src/Vigil.Cli -- COMMAND ...`. Exit codes: 0 success; 1 internal error; 2 bad command line;\n");
        md.Append("3 bad input file (nothing written); 4 not found; 5 other failure.\n\n");
        md.Append("Tables are fitted to the terminal without breaking a word; when the output is not a terminal they are plain\n");
        md.Append("(tab-separated, a header line, no wrapping, colour or box lines). `--format table|plain` chooses, where a command\n");
        md.Append("prints tables.\n\n");
        md.Append("Every command takes `-h`, `--help`.");
        if (db?.Description is { } dbText)
            md.Append(" Every command that opens a database takes `--db <DATABASE>`: ").Append(Text(dbText));
        md.Append("\n\n");

        md.Append("## Commands\n\n");
        foreach (var c in Flatten(commands))
        {
            var depth = Lineage(c).Count - 1;
            md.Append(new string(' ', 2 * depth)).Append("- [").Append(Title(model, c)).Append("](#").Append(Anchor(Title(model, c))).Append(')');
            md.Append(" — ").Append(FirstSentence(c.Description)).Append('\n');
        }
        md.Append('\n');

        foreach (var c in Flatten(commands))
            WriteCommand(md, model, c, db);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void WriteCommand(StringBuilder md, ICommandModel model, ICommandInfo command, ICommandOption? db)
    {
        var depth = Lineage(command).Count;
        md.Append(new string('#', Math.Min(depth + 1, 6))).Append(' ').Append(Title(model, command)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(command.Description))
            md.Append(Text(command.Description)).Append("\n\n");
        md.Append("```\n").Append(Usage(model, command)).Append("\n```\n\n");

        if (command.IsBranch)
        {
            md.Append("| command | what it does |\n|---|---|\n");
            foreach (var sub in Visible(command.Commands))
                md.Append("| [`").Append(sub.Name).Append("`](#").Append(Anchor(Title(model, sub))).Append(") | ").Append(Cell(sub.Description)).Append(" |\n");
            md.Append('\n');
        }

        var arguments = command.Parameters.OfType<ICommandArgument>().Where(a => !a.IsHidden).OrderBy(a => a.Position).ToList();
        if (arguments.Count > 0)
        {
            md.Append("| argument | description |\n|---|---|\n");
            foreach (var a in arguments)
                md.Append("| `").Append(ArgumentName(a)).Append("` | ").Append(Cell(a.Description)).Append(" |\n");
            md.Append('\n');
        }

        var options = command.Parameters.OfType<ICommandOption>().Where(o => !o.IsHidden).ToList();
        if (options.Count > 0)
        {
            md.Append("| option | description |\n|---|---|\n");
            foreach (var o in options)
            {
                var description = db is not null && o.LongNames.SequenceEqual(db.LongNames) && o.Description == db.Description
                    ? "The database (see the top of this page)."
                    : o.Description;
                md.Append("| ").Append(string.Join(", ", OptionNames(o).Select(n => "`" + n + "`"))).Append(" | ").Append(Cell(description));
                if (o.IsRequired)
                    md.Append(" Required.");
                if (!o.IsFlag && o.DefaultValue?.Value is { } value)
                    md.Append(" Default: `").Append(value).Append("`.");
                md.Append(" |\n");
            }
            md.Append('\n');
        }

        var examples = command.Examples.Where(e => e.Length > 0).ToList();
        if (examples.Count > 0)
        {
            md.Append("Example").Append(examples.Count > 1 ? "s" : "").Append(":\n\n```sh\n");
            foreach (var e in examples)
                md.Append(model.ApplicationName).Append(' ').Append(string.Join(' ', e.Select(Quote))).Append('\n');
            md.Append("```\n\n");
        }
    }

    private static string Usage(ICommandModel model, ICommandInfo command)
    {
        var parts = new List<string> { model.ApplicationName ?? "vigil" };
        parts.AddRange(Lineage(command).Select(c => c.Name));
        parts.AddRange(command.Parameters.OfType<ICommandArgument>().Where(a => !a.IsHidden).OrderBy(a => a.Position).Select(ArgumentName));
        if (command.Parameters.OfType<ICommandOption>().Any(o => !o.IsHidden) || !command.IsBranch)
            parts.Add("[OPTIONS]");
        if (command.IsBranch)
            parts.Add("<COMMAND>");
        return string.Join(' ', parts);
    }

    private static string ArgumentName(ICommandArgument a) => a.IsRequired ? $"<{a.Value}>" : $"[{a.Value}]";

    private static IEnumerable<string> OptionNames(ICommandOption o)
    {
        var value = o.ValueName is null || o.IsFlag ? "" : o.ValueIsOptional ? $" [{o.ValueName}]" : $" <{o.ValueName}>";
        foreach (var s in o.ShortNames)
            yield return "-" + s;
        foreach (var l in o.LongNames)
            yield return "--" + l + value;
    }

    /// <summary>Every visible command and group as its words ("stats", "series"), for tests that run each one.</summary>
    public static IReadOnlyList<string> CommandPaths() =>
        [.. Flatten(Visible(CaptureModel().Commands)).Select(c => string.Join(' ', Lineage(c).Select(x => x.Name)))];

    private static string Title(ICommandModel model, ICommandInfo command) =>
        model.ApplicationName + " " + string.Join(' ', Lineage(command).Select(c => c.Name));

    /// <summary>GitHub's heading anchor: lower case, spaces to dashes, punctuation other than dashes and underscores dropped.</summary>
    private static string Anchor(string heading) =>
        new(heading.ToLowerInvariant().Replace(' ', '-').Where(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_').ToArray());

    private static List<ICommandInfo> Lineage(ICommandInfo command)
    {
        var path = new List<ICommandInfo>();
        for (var c = command; c is not null; c = c.Parent)
            path.Insert(0, c);
        return path;
    }

    private static IEnumerable<ICommandInfo> Visible(IEnumerable<ICommandInfo> commands) => commands.Where(c => !c.IsHidden);

    private static IEnumerable<ICommandInfo> Flatten(IEnumerable<ICommandInfo> commands) =>
        commands.SelectMany(c => new[] { c }.Concat(Flatten(Visible(c.Commands))));

    private static string FirstSentence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        var first = end < 0 ? text : text[..(end + 1)];
        return Text(first.TrimEnd('.'));
    }

    /// <summary>Description text as Markdown: angle brackets escaped so that no renderer takes them for HTML.</summary>
    private static string Text(string? text) => (text ?? "").Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Text for a table cell: pipes escaped, on one line; a dash when there is none.</summary>
    private static string Cell(string? text) => string.IsNullOrWhiteSpace(text)
        ? "—"
        : Text(text).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(ch => char.IsLetterOrDigit(ch) || "-_./:=,@+%".Contains(ch, StringComparison.Ordinal)) ? arg
        : arg.Contains('\'', StringComparison.Ordinal) ? "\"" + arg + "\""
        : "'" + arg + "'";

    /// <summary>Runs <c>vigil --help</c> with a help provider that keeps the command model instead of printing it.</summary>
    private static ICommandModel CaptureModel()
    {
        var capture = new ModelCapture();
        var console = new TestConsole();
        var output = new CliOutput(console, new StringWriter(), () => new MemoryStream());
        var app = new CommandApp();
        app.Configure(config =>
        {
            VigilCli.Configure(config, output, new TestClock(), Vigil.Application.Reference.ReferenceData.Bundled);
            config.SetHelpProvider(capture);
        });
        var code = app.Run(["--help"]);
        if (code != ExitCodes.Success || capture.Model is null)
            throw new InvalidOperationException($"'vigil --help' did not give the command model (exit code {code})");
        return capture.Model;
    }

    private sealed class ModelCapture : IHelpProvider
    {
        public ICommandModel? Model { get; private set; }

        public IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command)
        {
            Model = model;
            return [];
        }
    }
}

public sealed class CliReferenceTests
{
    [Fact]
    public void Docs_cli_md_is_the_reference_generated_from_the_command_tree()
    {
        var generated = CliReference.Generate();
        var path = CliReference.DocsPath;
        if (Environment.GetEnvironmentVariable("VIGIL_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated, new UTF8Encoding(false));
            return;
        }
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        Assert.True(committed == generated,
            committed is null
                ? $"docs/cli.md is missing. Generate it with: {CliReference.RegenerateCommand}"
                : $"docs/cli.md differs from the command tree (first difference at line {FirstDifference(committed, generated)}). "
                  + $"Regenerate it with: {CliReference.RegenerateCommand} — then review and commit the change.");
    }

    private static int FirstDifference(string a, string b)
    {
        var (la, lb) = (a.Split('\n'), b.Split('\n'));
        var i = 0;
        while (i < la.Length && i < lb.Length && la[i] == lb[i])
            i++;
        return i + 1;
    }
}
