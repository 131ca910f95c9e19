using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Accountability.Evaluation;
using Vigil.Accountability.Views;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Accountability;

namespace Vigil.Cli.Commands.Accountability;

/// <summary><c>vigil scorecard</c>: per party, the judged implementation (PAM %) beside the measured verdicts.</summary>
public sealed class ScorecardCommand(CliOutput output, TimeProvider clock) : Command<JsonSettings>
{
    public override int Execute(CommandContext context, JsonSettings settings, CancellationToken cancellationToken)
    {
        using var access = AccountabilityAccess.Open(settings, clock);
        var cards = access.Service.Scorecards();
        if (settings.Json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(cards.Select(ScorecardView.Of), CliJson.Options));
            return ExitCodes.Success;
        }
        var inv = CultureInfo.InvariantCulture;
        foreach (var card in cards)
        {
            var percent = card.PercentImplemented is { } p ? p.ToString("0", inv) + "% of full implementation" : "not scored";
            output.Console.MarkupLine($"[bold]{Markup.Escape(card.Party)}[/]: judged {percent} ({card.Lines.Count - card.Unscored} of {card.Lines.Count} scored); measured: " +
                $"{card.Count(OutcomeVerdict.Improved)} improved, {card.Count(OutcomeVerdict.NoMeasurableChange)} no measurable change, {card.Count(OutcomeVerdict.Worsened)} worsened, {card.Count(OutcomeVerdict.TooEarly)} too early");
            var table = new Table().Border(TableBorder.Simple).AddColumns("commitment", "made on", "judged (0-3)", "measured", "disagreement");
            foreach (var l in card.Lines)
            {
                table.AddRow(Markup.Escape(l.Commitment.Key) + (l.Commitment.Sample ? " [yellow](sample)[/]" : ""), l.Commitment.MadeOn.ToString("yyyy-MM-dd", inv),
                    l.Score is { } s ? $"{s.Score} {ImplementationScore.Label(s.Score)}" : "-", Verdicts.Describe(l.Evaluation.Verdict),
                    l.Disagreement is { } d ? $"[red]{Markup.Escape(d)}[/]" : "");
            }
            output.Write(table);
        }
        if (cards.Count == 0)
            output.Console.MarkupLine("[grey]No commitments recorded: import some with 'vigil commitments import FILE'.[/]");
        return ExitCodes.Success;
    }
}
