using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
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

namespace Vigil.Cli.Commands.Merge;

/// <summary>The merge commands' output: plans (as a table or JSON) and the list of recorded merges.</summary>
public sealed class MergeView(CliOutput output, ReferenceData reference)
{
    public int DryRunFiles(IIncidentStore store, MergePlanCommand.Settings settings, MergeRule rule, CancellationToken cancellationToken)
    {
        var reports = new List<ExtractedReport>();
        foreach (var file in settings.Files)
        {
            if (!File.Exists(file))
                throw new NotFoundException($"{file}: no such file");
            foreach (var article in ArticleReader.Read(file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reference.Extractor.ExtractReport(article) is { } report)
                    reports.Add(report);
            }
        }
        var clusters = new ReportMerger(rule).Cluster(reports);
        var (entries, counts) = new IncidentMatcher(rule).Match(clusters, store.InDistrict);
        Show(entries.Select(e => (Label: string.Join(", ", e.Cluster.Reports.Select(r => r.ArticleId)), Entry: e, Planned: (PlannedMerge?)null)).ToList(),
            counts, settings.Json, "reports");
        return ExitCodes.Success;
    }

    public void Show(List<(string Label, MergePlanEntry Entry, PlannedMerge? Planned)> rows, MatchCounts counts, bool json, string what)
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
                $"dry run: {reports:N0} {what} in {Counted.Of(rows.Count, "group")}: {rows.Count(r => r.Entry.Outcome == MergeOutcome.IntoExisting):N0} into stored incidents, {Counted.Of(rows.Count(r => r.Entry.Outcome == MergeOutcome.NewIncident), "new incident")} (nothing written)")))
            .Border(TableBorder.Simple).AddColumns("reports", "outcome", "killed (low / best / high)", "why");
        foreach (var (label, e, _) in rows)
        {
            var k = e.Cluster.Killed;
            table.AddRow(Markup.Escape(label), Markup.Escape(Outcome(e)),
                Markup.Escape($"{k.Low?.ToString(inv) ?? "?"} / {k.Best?.ToString(inv) ?? "?"} / {k.High?.ToString(inv) ?? "?"}"),
                Markup.Escape(string.Join("\n", e.Cluster.Reasons.Append(e.Why))));
        }
        output.Write(table);
        output.Out.WriteLine(string.Create(inv, $"{Counted.Of(counts.Blocks, "block")}, {Counted.Of(counts.IncidentsRead, "stored incident")} read, {Counted.Of(counts.Comparisons, "comparison")} with them"));
    }

    public int ListMerges(ICandidateQueue queue, bool json)
    {
        var merges = queue.Merges(200);
        if (json)
        {
            output.Out.WriteLine(JsonSerializer.Serialize(merges, CliJson.Options));
            return ExitCodes.Success;
        }
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Title(Markup.Escape($"{Counted.Of(merges.Count, "merge")}")).Border(TableBorder.Simple)
            .AddColumns("merge", "incident", "candidates", "kind", "when / who", "undone", "why");
        foreach (var m in merges)
        {
            table.AddRow(m.Id.ToString(inv), m.Into.ToString(inv), string.Join(",", m.Candidates.Select(c => c.ToString(inv))),
                m.IntoExisting ? "into existing" : "new incident", Markup.Escape($"{m.MergedAt} {m.MergedBy}"),
                Markup.Escape(m.UndoneAt is null ? "" : $"{m.UndoneAt} {m.UndoneBy}"), Markup.Escape(m.Reason));
        }
        output.Write(table);
        return ExitCodes.Success;
    }
}
