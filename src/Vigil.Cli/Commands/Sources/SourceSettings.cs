using System.ComponentModel;
using Spectre.Console.Cli;
using Vigil.Application.Sources;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;

namespace Vigil.Cli.Commands.Sources;

/// <summary>The values of <c>vigil sources add</c> and <c>edit</c>: the entry's key, its values, who and why.</summary>
public class SourceEditSettings : DecisionSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The source's key: lower case, no spaces (dawn, ispr, umar-media, ucdp-ged).")]
    public string Key { get; init; } = "";

    [CommandOption("--name <TEXT>")]
    [Description("Its name as printed (\"Dawn\", \"ISPR (Inter-Services Public Relations)\").")]
    public string? Name { get; init; }

    [CommandOption("--alias <TEXT>")]
    [Description("Another name reports give it. Repeatable; replaces the aliases.")]
    public string[] Aliases { get; init; } = [];

    [CommandOption("--type <TYPE>")]
    [Description("party (a party to the conflict: its figures are claims, kept apart), independent-media, ngo, official-statistics, dataset.")]
    public string? Type { get; init; }

    [CommandOption("--party-side <TEXT>")]
    [Description("A party's side (\"Pakistan (state)\", \"TTP\"); required for a party, refused for any other type.")]
    public string? PartySide { get; init; }

    [CommandOption("--reliability <GRADE>")]
    [Description("A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable (its reports are left out of grades), F cannot be judged (the default).")]
    public string? Reliability { get; init; }

    [CommandOption("--notes <TEXT>")]
    [Description("Why it is graded so.")]
    public string? Notes { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why this change is made; kept in the entry's history.")]
    public string? Reason { get; init; }

    [CommandOption("--json")]
    [Description("Print the entry as JSON (as the API answers).")]
    public bool Json { get; init; }

    public SourceEdit ToEdit() => new()
    {
        Name = Name,
        Aliases = Aliases.Length > 0 ? Aliases : null,
        Type = Type,
        PartySide = PartySide,
        Reliability = Reliability,
        Notes = Notes,
    };

    /// <summary>A bad value found by the use case, printed like a bad option (exit code 2).</summary>
    public static int Usage(CliOutput output, FieldException e)
    {
        output.Error.WriteLine($"vigil: --{e.Field.Replace('_', '-')}: {e.Problem}");
        return ExitCodes.Usage;
    }
}
