using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Accountability.Evaluation;
using Vigil.Accountability.Views;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Accountability;
using Vigil.Domain.Text;

namespace Vigil.Cli.Commands.Accountability;

/// <summary><c>vigil commitments list</c>.</summary>
public sealed class CommitmentsListCommand(CliOutput output, TimeProvider clock) : Command<CommitmentsListCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandOption("--party <NAME>")]
        [Description("Only commitments made by this party.")]
        public string? Party { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        var commitments = access.Service.Store.GetCommitments()
            .Where(c => settings.Party is null || string.Equals(c.MadeBy, settings.Party, StringComparison.OrdinalIgnoreCase)).ToList();
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(commitments, CliJson.Options));
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("key", "made on", "by", "to", "category", "deadline", "indicator", "score");
        foreach (var c in commitments)
        {
            table.AddRow(Markup.Escape(c.Key) + (c.Sample ? " [yellow](sample)[/]" : ""), c.MadeOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Markup.Escape(c.MadeBy), Markup.Escape(c.MadeTo ?? ""), Markup.Escape(c.Category ?? ""),
                c.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Markup.Escape(c.Indicator.Name),
                c.LatestScore is { } s ? $"{s.Score} {ImplementationScore.Label(s.Score)}" : "-");
        }
        output.Write(table);
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil commitments evaluate [KEY]</c>: the indicator before and after, the test, the verdict.</summary>
public sealed class CommitmentsEvaluateCommand(CliOutput output, TimeProvider clock) : Command<CommitmentsEvaluateCommand.Settings>
{
    public sealed class Settings : JsonSettings
    {
        [CommandArgument(0, "[KEY]")]
        [Description("The commitment (default: all).")]
        public string? Key { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        var evaluations = settings.Key is { } key ? [access.Service.Evaluate(key)] : access.Service.EvaluateAll();
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(evaluations.Select(EvaluationView.Of), CliJson.Options));
            return ExitCodes.Success;
        }
        var inv = CultureInfo.InvariantCulture;
        foreach (var e in evaluations)
        {
            output.Console.MarkupLine($"[bold]{Markup.Escape(e.CommitmentKey)}[/]: {Markup.Escape(e.Indicator.Name)} ({EnumText<ProgressDirection>.Format(e.Indicator.Direction)} is progress)");
            if (e.Datasets.Count > 0)
                output.Console.MarkupLine($"  [grey]counted in: {Markup.Escape(string.Join(" + ", e.Datasets))}{(e.Datasets.Count > 1 ? ", linked" : "")}[/]");
            output.Console.MarkupLine($"  before: {Markup.Escape(Values(e.Before))}");
            output.Console.MarkupLine($"  after:  {Markup.Escape(Values(e.After))}");
            if (e.Rates is { } r)
            {
                var ratio = r.RateRatio is { } rr ? rr.ToString("0.###", inv) : "not defined (zero baseline)";
                var ci = r.RatioLow is null ? "-" : $"{r.RatioLow.Value.ToString("0.###", inv)} to {(r.RatioHigh is { } h ? h.ToString("0.###", inv) : "unbounded")}";
                output.Console.MarkupLine(Markup.Escape(string.Create(inv, $"  rate ratio {ratio} (95% CI {ci}), exact Poisson test p = {r.PValue:0.####}")));
            }
            var colour = e.Verdict switch { OutcomeVerdict.Improved => "green", OutcomeVerdict.Worsened => "red", _ => "yellow" };
            output.Console.MarkupLine($"  verdict: [{colour}]{Verdicts.Describe(e.Verdict)}[/] — {Markup.Escape(e.Reason)}");
        }
        return ExitCodes.Success;
    }

    private static string Values(IReadOnlyList<IndicatorValue> values) =>
        values.Count == 0 ? "(no periods covered by the data)" : string.Join(" ", values.Select(v => $"{v.Period.Label}:{v.Value}"));
}

/// <summary><c>vigil commitments score KEY --score N --evidence TEXT</c>: adds a judged implementation score.</summary>
public sealed class CommitmentsScoreCommand(CliOutput output, TimeProvider clock) : Command<CommitmentsScoreCommand.Settings>
{
    public sealed class Settings : KeySettings
    {
        [CommandOption("--score <N>")]
        [Description("0 not initiated, 1 minimal, 2 intermediate, 3 full (the Peace Accords Matrix scale).")]
        public int? Score { get; init; }

        [CommandOption("--evidence <TEXT>")]
        [Description("What the score rests on.")]
        public string? Evidence { get; init; }

        [CommandOption("--on <DATE>")]
        [Description("The assessment's date (default: today).")]
        public string? On { get; init; }

        [CommandOption("--analyst <NAME>")]
        public string? Analyst { get; init; }

        [CommandOption("--source <NAME>")]
        public string? Source { get; init; }

        public override ValidationResult Validate() =>
            Score is not (>= 0 and <= 3) ? ValidationResult.Error("--score: give 0, 1, 2 or 3")
            : string.IsNullOrWhiteSpace(Evidence) ? ValidationResult.Error("--evidence is required: say what the score rests on")
            : On is not null && !EngagementsAddCommand.Settings.IsDay(On) ? ValidationResult.Error("--on: give a date as YYYY-MM-DD")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        var score = new ImplementationScore
        {
            AssessedOn = settings.On is { } on ? EngagementsAddCommand.Settings.Day(on) : access.Service.Today,
            Score = settings.Score!.Value,
            Evidence = settings.Evidence!,
            Analyst = settings.Analyst,
            Source = settings.Source is { } s ? new Citation(s) : null,
        };
        access.Service.Store.AddScore(settings.Key, score);
        output.Console.MarkupLine($"[green]scored[/] {Markup.Escape(settings.Key)}: {score.Score} ({ImplementationScore.Label(score.Score)}) on {score.AssessedOn:yyyy-MM-dd}");
        return ExitCodes.Success;
    }
}
