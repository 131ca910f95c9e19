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

namespace Vigil.Cli.Commands;

/// <summary><c>vigil merge --dry-run</c>: which extracted reports would merge into one incident, and why.</summary>
public sealed class MergeCommand(CliOutput output) : Command<MergeCommand.Settings>
{
    public sealed class Settings : DatabaseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("News files (plain text, HTML or JSON lines) whose reports are to be merged.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--dry-run")]
        [Description("Show what would merge and why, changing nothing. Required for now: merges are not yet written to a database.")]
        public bool DryRun { get; init; }

        [CommandOption("--window <DAYS>")]
        [Description("Reports at most this many days apart may be one incident (default 1).")]
        public int Window { get; init; } = 1;

        [CommandOption("--json")]
        [Description("Print as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (!DryRun)
                return ValidationResult.Error("merging into the database is not built yet; run with --dry-run to see what would merge");
            return Window is < 0 or > 30 ? ValidationResult.Error("--window must be 0 to 30 days") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
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
}
