using System.ComponentModel;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;

namespace Vigil.Cli.Commands.Datasets;

/// <summary>The dataset a command is about.</summary>
public class DatasetSettings : DatabaseSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The dataset (vigil datasets list shows them), in any case.")]
    public string Name { get; init; } = "";
}

/// <summary>A use case's field error as the datasets commands print it.</summary>
internal static class DatasetOptions
{
    /// <summary>The option of each field the use case names (its JSON name) where the two differ.</summary>
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        ["gaps"] = "gap",
        ["countries"] = "country",
        ["event_types"] = "type",
        ["not_recorded"] = "not-recorded",
    };

    /// <summary>A bad value found by the use case, printed like a bad option (exit code 2).</summary>
    public static int Usage(CliOutput output, FieldException e)
    {
        output.Error.WriteLine($"vigil: --{Options.GetValueOrDefault(e.Field, e.Field.Replace('_', '-'))}: {e.Problem}");
        return ExitCodes.Usage;
    }
}
