using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Storage.Backends;

namespace Vigil.Cli.Commands;

public sealed class BackupCommand(CliOutput output, TimeProvider clock) : Command<BackupCommand.Settings>
{
    public sealed class Settings : TableSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("The backup file to write (never overwritten); its manifest goes beside it as FILE.manifest.json.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("give --out FILE") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var manifest = Backups.Backup(settings.Location, settings.Out!, clock);
        output.Write(TableReport.Of(manifest.Tables));
        output.Console.MarkupLine($"[green]backed up[/] {Markup.Escape(settings.Location.ToString())} to {Markup.Escape(settings.Out!)} (sha256 {manifest.FileSha256[..16]}…, manifest {Markup.Escape(BackupManifest.PathFor(settings.Out!))})");
        return ExitCodes.Success;
    }
}

public sealed class RestoreCommand(CliOutput output, TimeProvider clock) : Command<RestoreCommand.Settings>
{
    public sealed class Settings : TableSettings
    {
        [CommandOption("--from <FILE>")]
        [Description("A backup written by 'vigil backup' (with its manifest beside it).")]
        public string? From { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(From) ? ValidationResult.Error("give --from FILE") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var differences = Backups.Restore(settings.From!, settings.Location, clock);
        var manifest = BackupManifest.Read(settings.From!);
        using (var store = settings.OpenStore(clock))
            output.Write(TableReport.Of(manifest.Tables, TableChecksums.Compute(store), "in backup", "restored"));
        if (differences.Count > 0)
        {
            foreach (var d in differences)
                output.Error.WriteLine($"vigil: restored data differs from the backup's manifest: {d}");
            return ExitCodes.Failed;
        }
        output.Console.MarkupLine($"[green]restored[/] {Markup.Escape(settings.From!)} into {Markup.Escape(settings.Location.ToString())}: every table matches the manifest");
        return ExitCodes.Success;
    }
}
