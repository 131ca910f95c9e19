using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Links;

/// <summary>What the links commands check alike: two datasets, a status name, a use case's field error as a usage error.</summary>
internal static class LinkOptions
{
    public static ValidationResult? TwoDatasets(string[] datasets)
    {
        if (datasets.Length != 2)
            return ValidationResult.Error("give two datasets: --dataset A --dataset B");
        return string.Equals(datasets[0].Trim(), datasets[1].Trim(), StringComparison.OrdinalIgnoreCase)
            ? ValidationResult.Error($"--dataset: '{datasets[0]}' was given twice: links join two different datasets")
            : null;
    }

    public static string StatusNames => string.Join(", ", EnumText<LinkStatus>.All) + ", all";

    /// <summary>A bad value found by the use case, printed like a bad option (exit code 2).</summary>
    public static int Usage(CliOutput output, FieldException e)
    {
        output.Error.WriteLine($"vigil: --{e.Field.Replace('_', '-')}: {e.Problem}");
        return ExitCodes.Usage;
    }
}
