using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Scopes;
using Vigil.Domain.Errors;
using Vigil.Storage;

namespace Vigil.Cli.Infrastructure;

/// <summary>The incident filters shared by <c>incidents list</c>, <c>export</c> and <c>summary</c>.</summary>
public class FilterSettings : DatabaseSettings, IAsOfSettings
{
    [CommandOption(IAsOfSettings.Option)]
    [Description(IAsOfSettings.Help)]
    public string? AsOf { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("First start date to include, YYYY-MM-DD (or YYYY-MM, YYYY).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Last start date to include, YYYY-MM-DD (or YYYY-MM, YYYY: to the end of it).")]
    public string? To { get; init; }

    [CommandOption("--country <NAME>")]
    [Description("Country (Pakistan, Afghanistan; or PAK, AFG). Repeatable. Default: every country the datasets cover.")]
    public string[] Countries { get; init; } = [];

    [CommandOption("--province <NAME>")]
    [Description("Province (admin1); any spelling the gazetteer knows (KPK, NWFP, Baluchistan...). A former province (FATA) stands for its districts. Repeatable.")]
    public string[] Provinces { get; init; } = [];

    [CommandOption("--region <NAME>")]
    [Description("A region reported apart: former-fata (the tribal districts), kp-mainland. Repeatable.")]
    public string[] Regions { get; init; } = [];

    [CommandOption("--district <NAME>")]
    [Description("District (admin2), any known spelling. Repeatable.")]
    public string[] Districts { get; init; } = [];

    [CommandOption("--actor <NAME>")]
    [Description("Any party (perpetrator, target, state forces, armed group), by any alias (TTP, Pakistani Taliban, ISKP...). Repeatable.")]
    public string[] Actors { get; init; } = [];

    [CommandOption("--category <NAME>")]
    [Description("Event category: militant-attack, security-operation, armed-clash, other (docs/method.md says each dataset's rule). Repeatable.")]
    public string[] Categories { get; init; } = [];

    [CommandOption("--suicide <YES|NO>")]
    [Description("Only suicide attacks (yes), or only attacks the source says were not (no).")]
    public string? Suicide { get; init; }

    [CommandOption("--weapon <NAME>")]
    [Description("Main weapon: explosives, firearms, aerial, artillery, incendiary, melee, chemical, other. Repeatable.")]
    public string[] Weapons { get; init; } = [];

    [CommandOption("--target-type <NAME>")]
    [Description("Target type: security-forces, police, civilians, government, ... (see docs/method.md). Repeatable.")]
    public string[] TargetTypes { get; init; } = [];

    [CommandOption("--type <TYPE>")]
    [Description("Event type: armed-clash, armed-assault, suicide-bombing, bombing, air-or-drone-strike, shelling-or-artillery, targeted-killing, kidnapping, cross-border-attack, security-operation, violence-against-civilians, other. Repeatable.")]
    public string[] Types { get; init; } = [];

    [CommandOption("--dataset <NAME>")]
    [Description("The dataset the figures come from (ucdp-ged, pbc-suicide, own, ...; see vigil datasets). Repeatable: several are combined, an event they share counted once, in the order given. Default: the primary dataset.")]
    public string[] Datasets { get; init; } = [];

    [CommandOption("--min-killed <N>")]
    [Description("Only incidents whose best estimate of killed is at least N (an unknown figure never matches).")]
    public int? MinKilled { get; init; }

    [CommandOption("--max-killed <N>")]
    [Description("Only incidents whose best estimate of killed is at most N (an unknown figure never matches: it is not zero).")]
    public int? MaxKilled { get; init; }

    [CommandOption("--search <TEXT>")]
    [Description("Full-text search of place names, notes and sources (names, headlines, addresses): every word must be found; \"quoted phrase\"; a prefix ends in * (kill*). Case is ignored; there is no stemming.")]
    public string? Search { get; init; }

    [CommandOption("--sources <WHICH>")]
    [Description("Which sources killed and injured count: independent (default: datasets, media, NGOs, official statistics; party claims left out), all (independent first, the range spanning party claims), party (the claims of parties to the conflict alone). Lists show each incident's figure of the scope; export, --json and --csv, which write the incidents' own records, take independent only. See docs/method.md.")]
    public string? Sources { get; init; }

    [CommandOption("--min-grade <GRADE>")]
    [Description("Only incidents graded at least this, worst to best: discounted, contested, weak, fair, confirmed (docs/method.md).")]
    public string? MinGrade { get; init; }

    public override ValidationResult Validate() =>
        ScopeParser.Validate(ToInput()) is { } e ? ValidationResult.Error($"--{OptionName(e.Field)}: {e.Problem}") : ValidationResult.Success();

    /// <summary>The option of a scope field as the use cases name it (<c>q</c> is <c>--search</c>, <c>min_killed</c> <c>--min-killed</c>).</summary>
    public static string OptionName(string field) => field == "q" ? "search" : field.Replace('_', '-');

    /// <summary>The scope as the options give it; <see cref="ScopeParser"/> makes the store query of it.</summary>
    public ScopeInput ToInput() => new()
    {
        From = From,
        To = To,
        Countries = Countries,
        Provinces = Provinces,
        Regions = Regions,
        Districts = Districts,
        Categories = Categories,
        Suicide = Suicide,
        Weapons = Weapons,
        TargetTypes = TargetTypes,
        Actors = Actors,
        Types = Types,
        Datasets = Datasets,
        MinKilled = MinKilled,
        MaxKilled = MaxKilled,
        Text = Search,
        Sources = Sources,
        MinGrade = MinGrade,
    };

    /// <summary>The store query, with names resolved to Vigil's canonical spellings where known.</summary>
    public IncidentQuery ToQuery(ScopeParser parser) => parser.Parse(ToInput());

    /// <summary>The scope as Vigil applies it: the datasets named, or the database's primary one, with what they cover.</summary>
    /// <exception cref="OptionException">An unknown dataset, named as the option (<c>--dataset: no dataset named ...</c>; exit code 2).</exception>
    public Scope ToScope(ScopeParser parser, IVigilDatabase db) => OptionErrors.Named(() => parser.Resolve(ToInput(), db));
}
