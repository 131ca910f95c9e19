using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Review;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Extraction;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Merging;
using Vigil.Extraction.Review;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil merge</c>: cluster extracted reports with each other and with the incidents already stored (imported or
/// accepted), show what would merge and why (--dry-run), apply it (--apply), list merges (--list) or undo one (--undo).
/// </summary>
public sealed class MergeCommand(CliOutput output, TimeProvider clock) : Command<MergeCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("With --dry-run: news files (plain text, HTML or JSON lines) to merge instead of the review queue.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--dry-run")]
        [Description("Show what the pending report candidates (or the reports in FILE...) would merge into and why, changing nothing.")]
        public bool DryRun { get; init; }

        [CommandOption("--apply")]
        [Description("Merge the pending report candidates: a group matching a stored incident is added to it; a group of two or more matching none becomes ONE new incident. Each merge is recorded and reversible.")]
        public bool Apply { get; init; }

        [CommandOption("--undo <MERGE_ID>")]
        [Description("Reverse a merge: its candidates go back to pending; an incident it created is deleted, an incident it changed gets its fields back.")]
        public long? Undo { get; init; }

        [CommandOption("--list")]
        [Description("List recorded merges, newest first.")]
        public bool List { get; init; }

        [CommandOption("--by <NAME>")]
        [Description("Who merges (default: the user name).")]
        public string? By { get; init; }

        [CommandOption("--window <DAYS>")]
        [Description("Reports at most this many days apart may be one incident (default 1).")]
        public int Window { get; init; } = 1;

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (new[] { DryRun, Apply, Undo is not null, List }.Count(b => b) != 1)
                return ValidationResult.Error("give one of --dry-run [FILE...], --apply, --list, --undo MERGE_ID");
            if (Files.Length > 0 && !DryRun)
                return ValidationResult.Error("files are read only with --dry-run; --apply works on the review queue");
            return Window is < 0 or > 30 ? ValidationResult.Error("--window must be 0 to 30 days") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var store = db.Incidents;
        var queue = db.Candidates;
        var by = settings.By ?? Environment.UserName;
        var inv = CultureInfo.InvariantCulture;
        if (settings.Undo is { } undo)
        {
            queue.UndoMerge(undo, by);
            output.Out.WriteLine(string.Create(inv, $"merge {undo} undone: its candidates are pending again and its incident as before the merge"));
            return ExitCodes.Success;
        }
        if (settings.List)
            return ListMerges(queue, settings.Json);
        if (settings.Files.Length > 0)
            return DryRunFiles(store, settings, new MergeRule { WindowDays = settings.Window }, cancellationToken);

        var (plan, counts) = QueueMerges.Plan(db, settings.Window);
        if (settings.DryRun)
        {
            Show(plan.Select(p => (Label: "candidates " + string.Join(",", p.CandidateIds.Select(i => i.ToString(inv))), p.Entry, Planned: (PlannedMerge?)p)).ToList(), counts, settings.Json, "pending report candidates");
            return ExitCodes.Success;
        }
        int into = 0, created = 0;
        foreach (var (p, incident, mergeId) in QueueMerges.Apply(db, plan, by))
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
            $"{into + created} merges applied ({into} into existing incidents, {created} new incidents); {plan.Count(p => p.LeftForReview)} groups left for review"));
        return ExitCodes.Success;
    }

    private int DryRunFiles(IIncidentStore store, Settings settings, MergeRule rule, CancellationToken cancellationToken)
    {
        var reports = new List<ExtractedReport>();
        foreach (var file in settings.Files)
        {
            if (!File.Exists(file))
                throw new NotFoundException($"{file}: no such file");
            foreach (var article in ArticleReader.Read(file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ArticleExtractor.Bundled.ExtractReport(article) is { } report)
                    reports.Add(report);
            }
        }
        var clusters = new ReportMerger(rule).Cluster(reports);
        var (entries, counts) = new IncidentMatcher(rule).Match(clusters, store.InDistrict);
        Show(entries.Select(e => (Label: string.Join(", ", e.Cluster.Reports.Select(r => r.ArticleId)), Entry: e, Planned: (PlannedMerge?)null)).ToList(),
            counts, settings.Json, "reports");
        return ExitCodes.Success;
    }

    private void Show(List<(string Label, MergePlanEntry Entry, PlannedMerge? Planned)> rows, MatchCounts counts, bool json, string what)
    {
        var inv = CultureInfo.InvariantCulture;
        string Outcome(MergePlanEntry e) => e.Outcome switch
        {
            MergeOutcome.IntoExisting => $"into incident {e.Into!.Id.ToString(inv)}{(e.Into.SourceRecord is { } k ? $" ({k.Dataset} {k.RecordId})" : "")}",
            MergeOutcome.Ambiguous => "ambiguous: left for review",
            MergeOutcome.NewIncident => "one new incident",
            _ => "stays for review",
        };
        if (json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(new
            {
                groups = rows.Select(r => new
                {
                    reports = r.Entry.Cluster.Reports.Select(x => x.ArticleId),
                    candidates = r.Planned?.CandidateIds,
                    into_incident = r.Entry.Into?.Id,
                    outcome = Outcome(r.Entry),
                    also_matched = r.Entry.AlsoMatched,
                    killed = new { r.Entry.Cluster.Killed.Low, r.Entry.Cluster.Killed.Best, r.Entry.Cluster.Killed.High, r.Entry.Cluster.Killed.Rule },
                    injured = new { r.Entry.Cluster.Injured.Low, r.Entry.Cluster.Injured.Best, r.Entry.Cluster.Injured.High, r.Entry.Cluster.Injured.Rule },
                    why = r.Entry.Cluster.Reasons.Append(r.Entry.Why),
                }),
                blocks = counts.Blocks,
                stored_incidents_read = counts.IncidentsRead,
                comparisons = counts.Comparisons,
            }, CliJson.Options));
            return;
        }
        var reports = rows.Sum(r => r.Entry.Cluster.Reports.Count);
        var table = new Table().Title(Markup.Escape(string.Create(inv,
                $"dry run: {reports:N0} {what} in {rows.Count:N0} groups: {rows.Count(r => r.Entry.Outcome == MergeOutcome.IntoExisting):N0} into stored incidents, {rows.Count(r => r.Entry.Outcome == MergeOutcome.NewIncident):N0} new incidents (nothing written)")))
            .Border(TableBorder.Simple).AddColumns("reports", "outcome", "killed (low / best / high)", "why");
        foreach (var (label, e, _) in rows)
        {
            var k = e.Cluster.Killed;
            table.AddRow(Markup.Escape(label), Markup.Escape(Outcome(e)),
                Markup.Escape($"{k.Low?.ToString(inv) ?? "?"} / {k.Best?.ToString(inv) ?? "?"} / {k.High?.ToString(inv) ?? "?"}"),
                Markup.Escape(string.Join("\n", e.Cluster.Reasons.Append(e.Why))));
        }
        output.Console.Write(table);
        output.Out.WriteLine(string.Create(inv, $"{counts.Blocks} blocks, {counts.IncidentsRead} stored incidents read, {counts.Comparisons} comparisons with them"));
    }

    private int ListMerges(ICandidateQueue queue, bool json)
    {
        var merges = queue.Merges(200);
        if (json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(merges, CliJson.Options));
            return ExitCodes.Success;
        }
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Title(Markup.Escape($"{merges.Count} merges")).Border(TableBorder.Simple)
            .AddColumns("merge", "incident", "candidates", "kind", "when / who", "undone", "why");
        foreach (var m in merges)
        {
            table.AddRow(m.Id.ToString(inv), m.Into.ToString(inv), string.Join(",", m.Candidates.Select(c => c.ToString(inv))),
                m.IntoExisting ? "into existing" : "new incident", Markup.Escape($"{m.MergedAt} {m.MergedBy}"),
                Markup.Escape(m.UndoneAt is null ? "" : $"{m.UndoneAt} {m.UndoneBy}"), Markup.Escape(m.Reason));
        }
        output.Console.Write(table);
        return ExitCodes.Success;
    }
}
