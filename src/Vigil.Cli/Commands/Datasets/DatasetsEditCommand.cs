using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Datasets;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;

namespace Vigil.Cli.Commands.Datasets;

/// <summary>
/// <c>vigil datasets edit NAME --title ... --gap FROM..TO ...</c>: changes only what is given (a list option given
/// replaces that list), checked whole before anything is written (<see cref="DatasetRegistry.Edit"/>); prints the result.
/// </summary>
public sealed class DatasetsEditCommand(CliOutput output, TimeProvider clock) : Command<DatasetsEditCommand.Settings>
{
    public sealed class Settings : DatasetSettings
    {
        [CommandOption("--title <TEXT>")]
        [Description("How surfaces name it (\"UCDP GED\").")]
        public string? Title { get; init; }

        [CommandOption("--description <TEXT>")]
        [Description("What it is.")]
        public string? Description { get; init; }

        [CommandOption("--citation <TEXT>")]
        [Description("The wording its terms ask for, cited wherever its figures appear.")]
        public string? Citation { get; init; }

        [CommandOption("--licence <TEXT>")]
        [Description("Its licence or terms ('not stated' when it states none).")]
        public string? Licence { get; init; }

        [CommandOption("--redistributable <BOOL>")]
        [Description("true: its licence lets its rows be passed on; false: it does not (GTD, ACLED, the PBC files), so only analysts and admins get its rows, every reader its figures.")]
        public string? Redistributable { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("The first day it covers (YYYY-MM-DD; YYYY-MM or YYYY for their first day); none: the first day of its data.")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("The last day it covers (YYYY-MM-DD; YYYY-MM or YYYY for their last day); none: the last day of its data.")]
        public string? To { get; init; }

        [CommandOption("--gap <FROM..TO>")]
        [Description("A span inside its coverage that it does not cover, both days included (1993..1993 is that year). Repeatable; replaces the gaps.")]
        public string[] Gaps { get; init; } = [];

        [CommandOption("--clear-gaps")]
        [Description("Remove every declared gap.")]
        public bool ClearGaps { get; init; }

        [CommandOption("--country <COUNTRY>")]
        [Description("A country it covers (PAK or Pakistan). Repeatable; replaces the countries.")]
        public string[] Countries { get; init; } = [];

        [CommandOption("--clear-countries")]
        [Description("Declare no countries: it covers those of its data.")]
        public bool ClearCountries { get; init; }

        [CommandOption("--type <TYPE>")]
        [Description("An event type it codes (suicide-bombing, armed-clash, ...). Repeatable; replaces the types.")]
        public string[] Types { get; init; } = [];

        [CommandOption("--clear-types")]
        [Description("Declare no event types: it codes every kind.")]
        public bool ClearTypes { get; init; }

        [CommandOption("--kinds <TEXT>")]
        [Description("In words, what it counts (\"suicide attacks only\").")]
        public string? Kinds { get; init; }

        [CommandOption("--not-recorded <METRIC>")]
        [Description("A figure it does not record at all: killed or injured. Repeatable; replaces the list.")]
        public string[] NotRecorded { get; init; } = [];

        [CommandOption("--clear-not-recorded")]
        [Description("It records both killed and injured.")]
        public bool ClearNotRecorded { get; init; }

        [CommandOption("--comprehensive <BOOL>")]
        [Description("false: a period it alone reaches is partial (the team's own records); true: it records everything within its coverage.")]
        public string? Comprehensive { get; init; }

        [CommandOption("--continues <DATASET>")]
        [Description("The dataset this one continues in time (a provisional release after the final one: UCDP Candidate continues UCDP GED); it then joins the default scope after it. none: it continues none.")]
        public string? Continues { get; init; }

        [CommandOption("--json")]
        [Description("Print the result as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            foreach (var (option, value) in new[] { ("redistributable", Redistributable), ("comprehensive", Comprehensive) })
            {
                if (value is not null && Bool(value) is null)
                    return ValidationResult.Error($"--{option}: '{value}' is not true or false");
            }
            foreach (var (option, given, clear, clearOption) in new[]
            {
                ("gap", Gaps, ClearGaps, "clear-gaps"), ("country", Countries, ClearCountries, "clear-countries"),
                ("type", Types, ClearTypes, "clear-types"), ("not-recorded", NotRecorded, ClearNotRecorded, "clear-not-recorded"),
            })
            {
                if (given.Length > 0 && clear)
                    return ValidationResult.Error($"--{clearOption}: give it or --{option}, not both");
            }
            return ToEdit().IsEmpty
                ? ValidationResult.Error("nothing to change: give --title, --description, --citation, --licence, --redistributable, --from, --to, --gap, --country, --type, --kinds, --not-recorded, --comprehensive or --continues")
                : ValidationResult.Success();
        }

        public DatasetEdit ToEdit() => new()
        {
            Title = Title,
            Description = Description,
            Citation = Citation,
            Licence = Licence,
            Redistributable = Redistributable is null ? null : Bool(Redistributable),
            From = From,
            To = To,
            Gaps = List(Gaps, ClearGaps),
            Countries = List(Countries, ClearCountries),
            EventTypes = List(Types, ClearTypes),
            Kinds = Kinds,
            NotRecorded = List(NotRecorded, ClearNotRecorded),
            Comprehensive = Comprehensive is null ? null : Bool(Comprehensive),
            Continues = Continues,
        };

        private static IReadOnlyList<string>? List(string[] given, bool clear) => clear ? [] : given.Length > 0 ? given : null;

        private static bool? Bool(string text) => text.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        Domain.Datasets.Dataset edited;
        try
        {
            edited = new DatasetRegistry(db).Edit(settings.Name, settings.ToEdit());
        }
        catch (FieldException e)
        {
            return DatasetOptions.Usage(output, e);
        }
        if (settings.Json)
            output.Out.WriteLine(DatasetView.Json(DatasetJson.Of(edited)));
        else
            DatasetView.Write(output, edited);
        return ExitCodes.Success;
    }
}
