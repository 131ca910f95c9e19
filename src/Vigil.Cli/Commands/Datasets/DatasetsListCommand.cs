using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Datasets;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Datasets;

namespace Vigil.Cli.Commands.Datasets;

/// <summary><c>vigil datasets list</c>: every dataset with what it covers, its licence and whether it is the primary one.</summary>
public sealed class DatasetsListCommand(CliOutput output, TimeProvider clock) : Command<DatasetsListCommand.Settings>
{
    public sealed class Settings : TableSettings, IAsOfSettings
    {
        [CommandOption(IAsOfSettings.Option)]
        [Description(IAsOfSettings.Help)]
        public string? AsOf { get; init; }

        [CommandOption("--json")]
        [Description("Print as JSON (every field, as the API's registry).")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock, output);
        var datasets = new DatasetRegistry(db).List();
        if (settings.Json)
        {
            output.Out.WriteLine(DatasetView.Json(new { datasets = datasets.Select(DatasetJson.Of) }));
            return ExitCodes.Success;
        }
        if (datasets.Count == 0)
        {
            output.Out.WriteLine("no datasets yet: vigil import adds one");
            return ExitCodes.Success;
        }
        if (output.Console.Profile.Width >= WideEnough)
            WriteTable(datasets);
        else
            WriteBlocks(datasets);
        output.Out.WriteLine("* primary: figures that name no dataset count it (vigil datasets primary NAME)");
        return ExitCodes.Success;
    }

    /// <summary>The columns in which the table's nine columns fit without breaking words; narrower (a pipe is 80), a block each.</summary>
    public const int WideEnough = 140;

    private void WriteTable(IReadOnlyList<Dataset> datasets)
    {
        // The name and the days covered never wrap: they are what a reader scans for and copies.
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("name").NoWrap()).AddColumn("title").AddColumn(new TableColumn("incidents").RightAligned())
            .AddColumn(new TableColumn("covers").NoWrap()).AddColumns("kinds", "not recorded", "licence", "rows shared", "primary");
        foreach (var d in datasets)
        {
            table.AddRow(Markup.Escape(d.Name), Markup.Escape(d.Title), d.Incidents.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(DatasetView.Covers(d.Coverage, lines: true)), Markup.Escape(d.Coverage.Kinds), Markup.Escape(DatasetView.NotRecorded(d.Coverage)),
                Markup.Escape(d.Licence), DatasetView.YesNo(d.Redistributable), d.Primary ? "*" : "");
        }
        output.Write(table);
    }

    /// <summary>The same fields, a dataset a block: its name line, then a field a line.</summary>
    private void WriteBlocks(IReadOnlyList<Dataset> datasets)
    {
        foreach (var d in datasets)
        {
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Name}{(d.Primary ? " *" : "")}  {d.Title}, {Counted.Of(d.Incidents, "incident")}"));
            var grid = new Grid().AddColumn(new GridColumn().NoWrap().Padding(4, 0, 2, 0)).AddColumn();
            void Row(string label, string value) => grid.AddRow(label, Markup.Escape(value));
            Row("covers", DatasetView.Covers(d.Coverage));
            Row("kinds", d.Coverage.Kinds.Length > 0 ? d.Coverage.Kinds : "-");
            Row("not recorded", DatasetView.NotRecorded(d.Coverage));
            Row("licence", d.Licence);
            Row("rows shared", DatasetView.YesNo(d.Redistributable));
            output.Console.Write(grid);
        }
    }
}
