using System.ComponentModel;
using System.Text.Json;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Actors;
using Vigil.Domain.Errors;
using Vigil.Extraction.Evaluation;
using Vigil.Geo;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil eval ucdp-set</c>: the labeled development set derived from a UCDP GED file's headlines.</summary>
public sealed class EvalBuildUcdpSetCommand(CliOutput output, ReferenceData reference) : Command<EvalBuildUcdpSetCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<UCDP_CSV>")]
        [Description("A UCDP GED CSV (the HDX Pakistan file).")]
        public string File { get; init; } = "";

        [CommandOption("--out <PATH>")]
        [Description("Write the JSON lines here (default: standard output).")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
            throw new NotFoundException($"{settings.File}: no such file");
        using var writer = settings.Out is null ? null : new StreamWriter(settings.Out) { NewLine = "\n" };
        var target = writer ?? output.Out;
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var row in UcdpDevSet.Build(settings.File, reference.Gazetteer, reference.Actors))
            target.WriteLine(row.ToJsonString(options));
        return ExitCodes.Success;
    }
}
