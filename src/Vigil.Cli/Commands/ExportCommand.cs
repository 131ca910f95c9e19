using System.ComponentModel;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Scopes;
using Vigil.Cli.Infrastructure;
using Vigil.Ingestion.Export;

namespace Vigil.Cli.Commands;

public sealed class ExportCommand(CliOutput output, TimeProvider clock, ScopeParser scopes) : Command<ExportCommand.Settings>
{
    public sealed class Settings : FilterSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("csv (default), json (an array) or jsonl (JSON Lines). All re-import with 'vigil import'.")]
        public string Format { get; init; } = "csv";

        [CommandOption("-o|--out <FILE>")]
        [Description("Write to FILE (written whole or not at all) instead of standard output.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Format is "csv" or "json" or "jsonl"
                ? base.Validate()
                : ValidationResult.Error($"--format: '{Format}' is not one of: csv, json, jsonl");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var store = db.Incidents;
        var incidents = store.Query(settings.ToQuery(scopes), includeSources: true);
        if (settings.Out is null)
        {
            using var stdout = output.OpenStdout();
            Write(stdout, settings.Format, incidents);
            return ExitCodes.Success;
        }

        // Written beside the target and moved into place, so a failure never leaves half a file.
        var target = Path.GetFullPath(settings.Out);
        var temp = target + ".partial";
        long count;
        try
        {
            using (var file = File.Create(temp))
                count = Write(file, settings.Format, incidents);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        output.Error.WriteLine($"exported {count:N0} incidents to {settings.Out}");
        return ExitCodes.Success;
    }

    private static long Write(Stream stream, string format, IEnumerable<Domain.Incidents.Incident> incidents)
    {
        if (format == "csv")
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            return VigilCsvWriter.Write(writer, incidents);
        }
        return VigilJsonWriter.Write(stream, incidents, lines: format == "jsonl");
    }
}
