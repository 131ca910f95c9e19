using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Commands;

public sealed class DbInfoCommand(CliOutput output, TimeProvider clock) : Command<DbInfoCommand.Settings>
{
    public sealed class Settings : TableSettings
    {
        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var store = db.Incidents;
        var info = store.GetInfo();
        var imports = store.GetImports();
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new { info, imports }, CliJson.Options));
            return ExitCodes.Success;
        }

        var inv = CultureInfo.InvariantCulture;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[grey]database[/]", Markup.Escape($"{info.Location} ({info.Backend}, schema version {info.SchemaVersion})"));
        grid.AddRow("[grey]incidents[/]", string.Create(inv, $"{info.Incidents:N0} (+ {info.DeletedIncidents:N0} deleted, kept)"));
        grid.AddRow("[grey]dates[/]", info.FirstDate is null ? "-" : $"{info.FirstDate:yyyy-MM-dd} .. {info.LastDate:yyyy-MM-dd}");
        grid.AddRow("[grey]revisions[/]", info.Revisions.ToString("N0", inv));
        grid.AddRow("[grey]sources[/]", info.Sources.ToString("N0", inv));
        foreach (var d in info.Datasets)
            grid.AddRow($"[grey]dataset[/]", Markup.Escape(string.Create(inv, $"{d.Dataset}: {d.Incidents:N0}")));
        output.Console.Write(grid);

        if (imports.Count > 0)
        {
            var table = new Table().Title("Imports").Border(TableBorder.Simple)
                .AddColumns("#", "when (UTC)", "file", "format", "by", "created", "updated", "unchanged", "rejected", "sha256");
            foreach (var i in imports)
            {
                table.AddRow(i.Id.ToString(inv), i.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", inv), Markup.Escape(i.FileName),
                    i.Format, Markup.Escape(i.Author), i.Summary.Created.ToString("N0", inv), i.Summary.Updated.ToString("N0", inv),
                    i.Summary.Unchanged.ToString("N0", inv), i.Summary.Rejected.ToString("N0", inv), i.FileSha256[..Math.Min(12, i.FileSha256.Length)]);
            }
            output.Write(table, "sha256", "unchanged", "updated", "by", "format");
        }
        return ExitCodes.Success;
    }
}
