using System.ComponentModel;
using Spectre.Console.Cli;
using Vigil.Application.Datasets;
using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Commands.Datasets;

/// <summary><c>vigil datasets show NAME</c>: everything about one dataset, its description and citation included.</summary>
public sealed class DatasetsShowCommand(CliOutput output, TimeProvider clock) : Command<DatasetsShowCommand.Settings>
{
    public sealed class Settings : DatasetSettings
    {
        [CommandOption("--json")]
        [Description("Print as JSON (as the API's GET /api/v1/datasets/NAME).")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var dataset = new DatasetRegistry(db).Show(settings.Name);
        if (settings.Json)
            output.Out.WriteLine(DatasetView.Json(DatasetJson.Of(dataset)));
        else
            DatasetView.Write(output, dataset);
        return ExitCodes.Success;
    }
}
