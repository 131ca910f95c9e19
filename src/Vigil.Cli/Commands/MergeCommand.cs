using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Errors;
using Vigil.Extraction;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Merging;
using Vigil.Extraction.Review;
using Vigil.Storage;
using Vigil.Storage.Relational;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil merge --dry-run</c>: which extracted reports would merge into one incident, and why.</summary>
public sealed class MergeCommand(CliOutput output, TimeProvider clock) : Command<MergeCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("News files (plain text, HTML or JSON lines) whose reports are to be merged.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--dry-run")]
        [Description("Show what the reports in FILE... would merge into and why, changing nothing.")]
        public bool DryRun { get; init; }

        [CommandOption("--apply")]
        [Description("Cluster the pending report candidates of the review queue and accept each cluster of two or more as ONE incident (a recorded, reversible merge).")]
        public bool Apply { get; init; }

        [CommandOption("--undo <MERGE_ID>")]
        [Description("Reverse a merge: its candidates go back to pending, the incident it created is deleted (with a revision).")]
        public long? Undo { get; init; }

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
            if (new[] { DryRun, Apply, Undo is not null }.Count(b => b) != 1)
                return ValidationResult.Error("give one of --dry-run FILE..., --apply, --undo MERGE_ID");
            if (DryRun != (Files.Length > 0))
                return ValidationResult.Error(DryRun ? "--dry-run needs news files" : "files are read only with --dry-run; --apply works on the review queue");
            return Window is < 0 or > 30 ? ValidationResult.Error("--window must be 0 to 30 days") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!settings.DryRun)
            return Persist(settings, cancellationToken);
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
        var clusters = new ReportMerger(new MergeRule { WindowDays = settings.Window }).Cluster(reports);
        var inv = CultureInfo.InvariantCulture;
        if (settings.Json)
        {
            var json = clusters.Select(c => new
            {
                incident = c.Id,
                reports = c.Reports.Select(r => r.ArticleId),
                killed = new { c.Killed.Low, c.Killed.Best, c.Killed.High, c.Killed.Rule },
                injured = new { c.Injured.Low, c.Injured.Best, c.Injured.High, c.Injured.Rule },
                why = c.Reasons,
            });
            output.Out.WriteLine(JsonSerializer.Serialize(json, CliJson.Options));
            return ExitCodes.Success;
        }
        var table = new Table().Title(Markup.Escape($"dry run: {reports.Count:N0} reports would become {clusters.Count:N0} incidents (nothing written)"))
            .Border(TableBorder.Simple).AddColumns("incident", "reports", "killed (low / best / high)", "why");
        foreach (var c in clusters)
        {
            table.AddRow(c.Id.ToString(inv), Markup.Escape(string.Join(", ", c.Reports.Select(r => r.ArticleId))),
                Markup.Escape($"{c.Killed.Low?.ToString(inv) ?? "?"} / {c.Killed.Best?.ToString(inv) ?? "?"} / {c.Killed.High?.ToString(inv) ?? "?"}"),
                Markup.Escape(string.Join("\n", c.Reasons)));
        }
        output.Console.Write(table);
        return ExitCodes.Success;
    }

    private int Persist(Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenStore(clock);
        var queue = new CandidateQueue(store);
        var by = settings.By ?? Environment.UserName;
        var inv = CultureInfo.InvariantCulture;
        if (settings.Undo is { } undo)
        {
            queue.UndoMerge(undo, by);
            output.Out.WriteLine(string.Create(inv, $"merge {undo} undone: its candidates are pending again, its incident deleted"));
            return ExitCodes.Success;
        }
        var candidateOf = new Dictionary<ExtractedReport, long>(ReferenceEqualityComparer.Instance);
        for (long after = 0; ;)
        {
            var page = queue.List(CandidateStatus.Pending, 1000, after);
            if (page.Count == 0)
                break;
            foreach (var c in page.Where(c => c.Kind == "report"))
                candidateOf[ReportIncident.ReadPayload(c.Payload)] = c.Id;
            after = page[^1].Id;
        }
        var clusters = new ReportMerger(new MergeRule { WindowDays = settings.Window }).Cluster(candidateOf.Keys).Where(c => c.Reports.Count > 1).ToList();
        foreach (var c in clusters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = c.Reports.Select(r => candidateOf[r]).ToList();
            var (incident, mergeId) = queue.AcceptCluster(ids, by, string.Join("; ", c.Reasons), cs => ReviewDecisions.ClusterIncident(cs.Select(x => x.Payload)));
            output.Out.WriteLine(string.Create(inv, $"merge {mergeId}: candidates {string.Join(",", ids)} -> incident {incident.Id} (killed {incident.Killed.Best?.ToString(inv) ?? "?"})"));
        }
        output.Out.WriteLine(string.Create(inv, $"{clusters.Count} merges applied"));
        return ExitCodes.Success;
    }
}
