using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Storage.Backends;

namespace Vigil.Cli.Commands;

/// <summary>Moves a whole database between back-ends (or files), with every table counted and checksummed on both sides.</summary>
public sealed class DbCopyCommand(CliOutput output, TimeProvider clock) : Command<DbCopyCommand.Settings>
{
    public sealed class Settings : CommandSettings, ITableFormatSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description(TableSettings.FormatHelp)]
        public string? TableFormat { get; init; }

        [CommandOption("--from <DATABASE>")]
        [Description("The database to copy: sqlite:PATH, a file path, or postgres://user@host:port/db.")]
        public string? From { get; init; }

        [CommandOption("--to <DATABASE>")]
        [Description("An empty (or not yet existing) database to copy into.")]
        public string? To { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(From) || string.IsNullOrWhiteSpace(To)
                ? ValidationResult.Error("give both --from and --to")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var from = DatabaseLocation.Parse(settings.From!);
        var to = DatabaseLocation.Parse(settings.To!);
        if (from.Backend == Backend.Sqlite && !File.Exists(from.Target))
            throw new NotFoundException($"{from.Target}: no such database");
        using var source = from.Open(clock);
        using var target = to.Open(clock);
        var report = DatabaseCopier.Copy(source, target, (table, rows) => output.Error.WriteLine($"copied {table}: {Counted.Of(rows, "row")}"));
        output.Write(TableReport.Of(report.Source, report.Target, "source", "target"));
        if (report.Differences.Count > 0)
        {
            foreach (var d in report.Differences)
                output.Error.WriteLine($"vigil: copy differs: {d}");
            return ExitCodes.Failed;
        }
        output.Console.MarkupLine($"[green]copied[/] {Markup.Escape(from.ToString())} to {Markup.Escape(to.ToString())}: every table's rows and checksum match");
        return ExitCodes.Success;
    }
}
