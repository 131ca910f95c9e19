using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Accountability.Files;
using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Commands.Accountability;

/// <summary>
/// <c>vigil engagements|commitments|crossings import FILE...</c>: reads accountability files (JSON or YAML,
/// any of their sections) and writes each all-or-nothing. The three verbs share this one command: a file
/// may hold engagements with their commitments and the crossings their indicators use.
/// </summary>
public sealed class ImportFileCommand(CliOutput output, TimeProvider clock) : Command<ImportFileCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("JSON or YAML files with engagements, commitments, crossings and status_events sections.")]
        public string[] Files { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        foreach (var file in settings.Files)
        {
            if (!File.Exists(file))
                throw new Domain.Errors.InputException(new Domain.Errors.InputLocation(file), "no such file");
            var summary = AccountabilityImporter.Import(access.Service.Store, file);
            if (settings.Json)
                output.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { file, summary }, CliJson.Options));
            else
                output.Console.MarkupLine(Markup.Escape($"{file}: {Counted.Of(summary.Engagements, "engagement")}, {Counted.Of(summary.Commitments, "commitment")}, {Counted.Of(summary.Scores, "new score")}, {Counted.Of(summary.Crossings, "crossing")}, {Counted.Of(summary.StatusEvents, "new status event")}; {summary.SkippedDuplicates} already recorded"));
        }
        return ExitCodes.Success;
    }
}
