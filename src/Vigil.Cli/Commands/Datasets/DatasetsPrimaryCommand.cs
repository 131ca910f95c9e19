using Spectre.Console.Cli;
using Vigil.Application.Datasets;
using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Commands.Datasets;

/// <summary><c>vigil datasets primary NAME</c>: the dataset figures count when no scope names one.</summary>
public sealed class DatasetsPrimaryCommand(CliOutput output, TimeProvider clock) : Command<DatasetSettings>
{
    public override int Execute(CommandContext context, DatasetSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var dataset = new DatasetRegistry(db).SetPrimary(settings.Name);
        output.Out.WriteLine($"{dataset.Name} ({dataset.Title}) is now the primary dataset: figures that name no dataset count it");
        return ExitCodes.Success;
    }
}
