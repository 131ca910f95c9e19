using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Exports;
using Vigil.Application.Scopes;
using Vigil.Cli.Infrastructure;

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
        using var db = settings.OpenStore(clock, output);
        var export = new IncidentExport(db.Incidents);
        var scope = settings.ToScope(scopes, db);
        var query = scope.Query;
        OptionErrors.Named(() =>
        {
            IncidentExport.CheckScope(query);
            return 0;
        });
        // A dataset whose licence forbids passing its rows on: the export says so, beside the data (standard error).
        foreach (var notice in RowLicences.Notices(scope.Datasets.Where(d => !d.Redistributable)))
            output.Error.WriteLine($"vigil: licence: {notice}; its rows may not be passed on");
        long Write(Stream target) =>
            export.RunAsync(new IncidentExportRequest(query, settings.Format, target), cancellationToken).GetAwaiter().GetResult().Count;
        if (settings.Out is null)
        {
            using var stdout = output.OpenStdout();
            Write(stdout);
            return ExitCodes.Success;
        }

        // Written beside the target and moved into place, so a failure never leaves half a file.
        var target = Path.GetFullPath(settings.Out);
        var temp = target + ".partial";
        long count;
        try
        {
            using (var file = File.Create(temp))
                count = Write(file);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        output.Error.WriteLine($"exported {Counted.Of(count, "incident")} to {settings.Out}");
        return ExitCodes.Success;
    }
}
