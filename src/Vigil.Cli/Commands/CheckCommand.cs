using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Claims;
using Vigil.Application.Reference;
using Vigil.Application.Review;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
using Vigil.Domain.Time;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil check</c>: is a statistical claim supported by the data?</summary>
public sealed class CheckCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<CheckCommand.Settings>
{
    public sealed class Settings : DatabaseSettings, IAsOfSettings
    {
        [CommandOption(IAsOfSettings.Option)]
        [Description(IAsOfSettings.Help)]
        public string? AsOf { get; init; }

        [CommandOption("--file <PATH>")]
        [Description("Claims as JSON (one object or an array; '-' reads standard input). The fields are in docs/method.md (Checking claims).")]
        public string? File { get; init; }

        [CommandOption("--metric <METRIC>")]
        [Description("attacks (incidents in scope), killed or injured.")]
        public string? Metric { get; init; }

        [CommandOption("--value <N>")]
        [Description("The claimed number.")]
        public double? Value { get; init; }

        [CommandOption("--qualifier <Q>")]
        [Description("exactly (default), about, at-least, more-than, at-most, less-than.")]
        public string Qualifier { get; init; } = "exactly";

        [CommandOption("--period <PERIOD>")]
        [Description("2023-01 (a month), 2022 (a year), 2023-Q1, 2023-W05 or 2023-01-15.")]
        public string? Period { get; init; }

        [CommandOption("--country <NAME>")]
        [Description("Country (default Pakistan).")]
        public string Country { get; init; } = "Pakistan";

        [CommandOption("--province <NAME>")]
        public string? Province { get; init; }

        [CommandOption("--district <NAME>")]
        public string? District { get; init; }

        [CommandOption("--actor <NAME>")]
        [Description("An actor by any alias; matches perpetrator or target.")]
        public string? Actor { get; init; }

        [CommandOption("--type <TYPE>")]
        [Description("Event types to count (repeatable).")]
        public string[] Types { get; init; } = [];

        [CommandOption("--dataset <NAME>")]
        [Description("The dataset to check against (see vigil datasets). Repeatable: several are combined, an event they share counted once, in the order given. Default: the primary dataset.")]
        public string[] Datasets { get; init; } = [];

        [CommandOption("--sources <WHICH>")]
        [Description("Which sources killed and injured count: independent (default, whatever the claim's own source; party claims left out), all (independent first, the range spanning party claims) or party (party claims alone). The verdict says which.")]
        public string? Sources { get; init; }

        [CommandOption("--change <PERCENT>")]
        [Description("A claimed change in percent (139 for 'a 139 percent spike').")]
        public double? Change { get; init; }

        [CommandOption("--against <BASELINE>")]
        [Description("previous-period (default) or same-period-last-year, for --change.")]
        public string Against { get; init; } = "previous-period";

        [CommandOption("--record-since <PERIOD>")]
        [Description("A claimed record: 'the deadliest month since July 2018' is --record-since 2018-07.")]
        public string? RecordSince { get; init; }

        [CommandOption("--one-of")]
        [Description("With --record-since: 'one of the deadliest since' (among the top 3).")]
        public bool OneOf { get; init; }

        [CommandOption("--rank <N>")]
        [Description("With --record-since: 'the second deadliest month since' is --rank 2 (exactly that rank; 'of the year 2023' is --record-since 2022-12).")]
        public int? Rank { get; init; }

        [CommandOption("--baseline-period <PERIOD>")]
        [Description("A stated baseline: 'up from 69 in September 2023' is --baseline-period 2023-09 --baseline-value 69, checked beside the claim.")]
        public string? BaselinePeriod { get; init; }

        [CommandOption("--baseline-value <N>")]
        [Description("The stated baseline's figure (with --baseline-period).")]
        public double? BaselineValue { get; init; }

        [CommandOption("--all-time")]
        [Description("A claimed record since records began.")]
        public bool AllTime { get; init; }

        [CommandOption("--accepted")]
        [Description("Check every claim accepted from the news (vigil review --accept) and print each with its verdict and its article.")]
        public bool Accepted { get; init; }

        [CommandOption("--json")]
        [Description("Print the verdicts as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Accepted)
                return File is null && Metric is null && Period is null ? ValidationResult.Success() : ValidationResult.Error("--accepted checks the accepted claims; give no other claim");
            if (File is not null)
                return Metric is null && Period is null && Datasets.Length == 0 && Sources is null ? ValidationResult.Success() : ValidationResult.Error("give --file or the claim's flags, not both (a claim in the file names its datasets with \"dataset\", its sources with \"sources\")");
            if (Metric is null || !EnumText<ClaimMetric>.TryParse(Metric, out _))
                return ValidationResult.Error($"--metric: give one of: {string.Join(", ", EnumText<ClaimMetric>.All)}");
            if (Period is null || !Domain.Time.Period.TryParse(Period, out _))
                return ValidationResult.Error("--period: give a period such as 2023-01, 2022 or 2023-Q1");
            if (Sources is not null && !EnumText<SourceScope>.TryParse(Sources, out _))
                return ValidationResult.Error($"--sources: '{Sources}' is not one of: {string.Join(", ", EnumText<SourceScope>.All)}");
            if (!EnumText<ValueQualifier>.TryParse(Qualifier, out _))
                return ValidationResult.Error($"--qualifier: '{Qualifier}' is not one of: {string.Join(", ", EnumText<ValueQualifier>.All)}");
            if (!EnumText<ChangeBaseline>.TryParse(Against, out _))
                return ValidationResult.Error($"--against: '{Against}' is not one of: {string.Join(", ", EnumText<ChangeBaseline>.All)}");
            if (RecordSince is not null && !Domain.Time.Period.TryParse(RecordSince, out _))
                return ValidationResult.Error($"--record-since: '{RecordSince}' is not a period");
            if (Rank is not null && (RecordSince is null || OneOf || Rank is < 1 or > 100))
                return ValidationResult.Error("--rank: give a whole number from 1 to 100, with --record-since and without --one-of");
            if ((BaselinePeriod is null) != (BaselineValue is null))
                return ValidationResult.Error("--baseline-period and --baseline-value go together");
            if (BaselinePeriod is not null && !Domain.Time.Period.TryParse(BaselinePeriod, out _))
                return ValidationResult.Error($"--baseline-period: '{BaselinePeriod}' is not a period");
            if (new[] { Change is not null, RecordSince is not null, AllTime }.Count(b => b) > 1)
                return ValidationResult.Error("give one comparison: --change, --record-since or --all-time");
            if (Value is null && Change is null && RecordSince is null && !AllTime)
                return ValidationResult.Error("give a --value, a --change, --record-since or --all-time to check");
            return ValidationResult.Success();
        }

        public Claim ToClaim() => new()
        {
            Metric = EnumText<ClaimMetric>.Parse(Metric!),
            Period = Domain.Time.Period.Parse(Period!),
            Value = Value,
            Qualifier = EnumText<ValueQualifier>.Parse(Qualifier),
            Scope = new ClaimScope
            {
                Country = Country,
                Province = Province,
                District = District,
                Actor = Actor,
                EventTypes = Types,
                Datasets = Datasets,
                Sources = Sources is { } s ? EnumText<SourceScope>.Parse(s) : SourceScope.Independent
            },
            Comparison = Change is { } c ? new ChangeComparison(c, EnumText<ChangeBaseline>.Parse(Against))
                : RecordSince is { } since ? new RecordComparison(Domain.Time.Period.Parse(since), OneOf, Rank: Rank ?? 1)
                : AllTime ? new AllTimeRecordComparison()
                : null,
            Baseline = BaselinePeriod is { } bp && BaselineValue is { } bv ? new StatedBaseline(Domain.Time.Period.Parse(bp), bv) : null,
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Accepted)
            return CheckAccepted(settings);
        IReadOnlyList<Claim> claims;
        if (settings.File is { } file)
        {
            var text = file == "-" ? output.OpenStdin().ReadToEnd()
                : ReadChecked(file);
            claims = ClaimJson.ParseMany(text, file == "-" ? "standard input" : file);
        }
        else
        {
            claims = [settings.ToClaim()];
        }

        using var db = settings.OpenStore(clock, output);

        var checker = new ClaimChecks(db, reference);
        var checks = OptionErrors.Named(() => claims.Select(checker.Check).ToList());
        if (settings.Json)
        {
            var array = new JsonArray([.. checks.Select(ClaimCheckJson.ToJson)]);
            output.Out.WriteLine(array.ToJsonString(CliJson.Options));
            return ExitCodes.Success;
        }
        foreach (var check in checks)
            Write(check);
        return ExitCodes.Success;
    }

    private int CheckAccepted(Settings settings)
    {
        using var db = settings.OpenStore(clock, output);
        var checks = AcceptedClaimChecks.CheckAll(db, reference);
        if (settings.Json)
        {
            output.Out.WriteLine(new JsonArray([.. checks.Select(AcceptedClaimJson.ToJson)]).ToJsonString(CliJson.Options));
            return ExitCodes.Success;
        }
        if (checks.Count == 0)
            output.Console.MarkupLine("No claims accepted yet (vigil review --accept ID on a claim candidate).");
        foreach (var c in checks)
        {
            var a = c.Accepted;
            output.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"accepted claim {a.Id} (candidate {a.CandidateId}) from {a.Source ?? a.ArticleId}{(a.Published is { } p ? ", " + p : "")}{(a.Url is { } u ? ", " + u : "")}")));
            if (a.Evidence is { } evidence)
                output.Console.MarkupLine($"  [grey]\"{Markup.Escape(evidence)}\"[/]");
            Write(c.Check);
            output.Console.WriteLine();
        }
        return ExitCodes.Success;
    }

    private void Write(ClaimCheck check)
    {
        var colour = check.Verdict switch { Verdict.Supported => "green", Verdict.Contradicted => "red", _ => "yellow" };
        var claim = check.Claim;
        var title = claim.Text ?? $"{EnumText<ClaimMetric>.Format(claim.Metric)} in {claim.Scope.Describe()}, {claim.Period.Name}";
        output.Console.MarkupLine($"[bold {colour}]{EnumText<Verdict>.Format(check.Verdict).ToUpperInvariant()}[/]  {Markup.Escape(title)}");
        if (check.Scope is { } scope)
        {
            var how = scope.Deduplicated ? "; an event two of them record is counted once"
                : scope.PrimaryDefault ? "; the primary dataset (choose others with --dataset)" : "";
            output.Console.MarkupLine($"  [grey]datasets: {Markup.Escape(scope.Label)}{Markup.Escape(how)}; they cover {Markup.Escape(scope.Covers)}[/]");
            output.Console.MarkupLine($"  [grey]sources: {Markup.Escape(scope.SourcesLabel)}[/]");
        }
        foreach (var p in check.Parts)
        {
            var partColour = p.Verdict switch { Verdict.Supported => "green", Verdict.Contradicted => "red", _ => "yellow" };
            var data = p.Computed is null ? "-" : p.ComputedLow is { } lo && p.ComputedHigh is { } hi && (lo != p.Computed || hi != p.Computed)
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Computed:#,0.#} (range {lo:#,0}–{hi:#,0})")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Computed:#,0.#}");
            output.Console.MarkupLine($"  [{partColour}]{EnumText<Verdict>.Format(p.Verdict)}[/]: {Markup.Escape(p.What)}");
            var facts = new List<string>();
            if (p.Claimed.Length > 0)
                facts.Add($"claimed {p.Claimed}");
            facts.Add($"data {data}");
            if (p.Difference is { } d)
                facts.Add(string.Create(CultureInfo.InvariantCulture, $"difference {d:+#,0.#;-#,0.#;0}"));
            output.Console.MarkupLine($"    {Markup.Escape(string.Join("; ", facts))}");
            output.Console.MarkupLine($"    [grey]{Markup.Escape(p.Explanation)}{(p.Tolerance.Length > 0 ? $" — tolerance: {Markup.Escape(p.Tolerance)}" : "")}[/]");
        }
        if (check.IncidentIds.Count > 0)
            output.Console.MarkupLine($"[grey]incidents behind the figure ({check.IncidentIds.Count:N0}): {string.Join(", ", check.IncidentIds.Take(20))}{(check.IncidentIds.Count > 20 ? ", ..." : "")}[/]");
    }

    private static string ReadChecked(string file)
    {
        InputFiles.Check(file);
        return System.IO.File.ReadAllText(file);
    }
}
