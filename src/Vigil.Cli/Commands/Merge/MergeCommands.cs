using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Application.Review;
using Vigil.Cli.Infrastructure;
using Vigil.Extraction.Merging;
using Vigil.Extraction.Review;

namespace Vigil.Cli.Commands.Merge;

/// <summary>What every merge command shares: the database, who merges, the date window.</summary>
public class MergeSettings : DecisionSettings, ITableFormatSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description(TableSettings.FormatHelp)]
    public string? TableFormat { get; init; }

    [CommandOption("--window <DAYS>")]
    [Description("Reports at most this many days apart may be one incident (default 1).")]
    public int Window { get; init; } = 1;

    [CommandOption("--json")]
    [Description("Print as JSON.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        Window is < 0 or > 30 ? ValidationResult.Error("--window must be 0 to 30 days") : ValidationResult.Success();
}

/// <summary><c>vigil merge plan [FILE...]</c>: what the pending report candidates (or the reports in the files) would merge into and why; nothing is written.</summary>
public sealed class MergePlanCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<MergePlanCommand.Settings>
{
    public sealed class Settings : MergeSettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("News files (plain text, HTML or JSON lines) to plan for instead of the review queue.")]
        public string[] Files { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var view = new MergeView(output, reference);
        if (settings.Files.Length > 0)
            return view.DryRunFiles(db.Incidents, settings, new MergeRule { WindowDays = settings.Window }, cancellationToken);
        var inv = CultureInfo.InvariantCulture;
        var (plan, counts) = QueueMerges.Plan(db, settings.Window);
        view.Show([.. plan.Select(p => (Label: "candidates " + string.Join(",", p.CandidateIds.Select(i => i.ToString(inv))), p.Entry, Planned: (PlannedMerge?)p))],
            counts, settings.Json, "pending report candidates");
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil merge apply</c>: carries out the plan; each merge recorded and reversible.</summary>
public sealed class MergeApplyCommand(CliOutput output, TimeProvider clock, ILoggerFactory logging) : Command<MergeSettings>
{
    public override int Execute(CommandContext context, MergeSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var inv = CultureInfo.InvariantCulture;
        var (plan, _) = QueueMerges.Plan(db, settings.Window);
        int into = 0, created = 0;
        foreach (var (p, incident, mergeId) in QueueMerges.Apply(db, plan, settings.Who, logging.CreateLogger("Vigil.Merges")))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var existing = p.Entry.Outcome == MergeOutcome.IntoExisting;
            if (existing)
                into++;
            else
                created++;
            output.Out.WriteLine(string.Create(inv,
                $"merge {mergeId}: candidates {string.Join(",", p.CandidateIds)} -> {(existing ? "existing" : "new")} incident {incident.Id} (killed {incident.Killed.Best?.ToString(inv) ?? "?"})"));
        }
        output.Out.WriteLine(string.Create(inv,
            $"{Counted.Of(into + created, "merge")} applied ({(into == 1 ? "1 into an existing incident" : $"{into} into existing incidents")}, {Counted.Of(created, "new incident")}); {Counted.Of(plan.Count(p => p.LeftForReview), "group")} left for review"));
        return ExitCodes.Success;
    }
}

/// <summary><c>vigil merge list</c>: the recorded merges, newest first.</summary>
public sealed class MergeListCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<MergeSettings>
{
    public override int Execute(CommandContext context, MergeSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        return new MergeView(output, reference).ListMerges(db.Candidates, settings.Json);
    }
}

/// <summary><c>vigil merge undo MERGE_ID</c>: reverses one merge.</summary>
public sealed class MergeUndoCommand(CliOutput output, TimeProvider clock, ILoggerFactory logging) : Command<MergeUndoCommand.Settings>
{
    public sealed class Settings : MergeSettings
    {
        [CommandArgument(0, "<MERGE_ID>")]
        [Description("The merge to reverse (vigil merge list shows them).")]
        public long Id { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        QueueMerges.Undo(db, settings.Id, settings.Who, logging.CreateLogger("Vigil.Merges"));
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merge {settings.Id} undone: its candidates are pending again and its incident as before the merge"));
        return ExitCodes.Success;
    }
}
