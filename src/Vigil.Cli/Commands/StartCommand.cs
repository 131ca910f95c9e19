using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Cli.Infrastructure;
using Vigil.Cli.Summary;
using Vigil.Ingestion.Formats.Ucdp;

namespace Vigil.Cli.Commands;

/// <summary>
/// The main job until the web server exists: a database that works out of the box, filled with the bundled data on
/// first run (UCDP GED Pakistan 1989–2021, UCDP Candidate Afghanistan and Pakistan January–July 2026), and the latest
/// month's summary for Pakistan over those of the bundled datasets the database holds (they do not overlap in
/// time, and a combined scope counts an event once), else over the primary dataset.
/// </summary>
public sealed class StartCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<TableSettings>
{
    /// <summary>The datasets of the bundled files, in order of precedence.</summary>
    private static readonly string[] BundledDatasets = [UcdpGedFormat.Dataset, UcdpCandidateFormat.Dataset];

    public override int Execute(CommandContext context, TableSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var store = db.Incidents;
        FirstRunView.Run(output, db, reference, "vigil start", cancellationToken);

        var info = store.GetInfo();
        output.Console.MarkupLine($"[grey]{Markup.Escape(info.Location)}: {Counted.Of(info.Incidents, "incident")}, {info.FirstDate:yyyy-MM-dd} .. {info.LastDate:yyyy-MM-dd}[/]");
        if (info.Incidents > 0)
        {
            var held = db.Datasets.List().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            var built = new MonthlyReports(db, reference, clock).Build(new MonthlyReportRequest
            {
                WithAccountability = false,
                Datasets = [.. BundledDatasets.Where(held.Contains)],
            });
            SummaryView.Write(output, SummaryJson.Of(built));
        }
        output.Console.MarkupLine("[grey]Next: vigil summary --month 2014-06 · vigil summary --country Afghanistan --dataset ucdp-candidate --month 2026-07 · vigil --help[/]");
        output.Console.MarkupLine("[grey]Data: UCDP GED (CC BY 4.0), UCDP Candidate 2026 (CC BY 4.0; provisional), geoBoundaries, GeoNames; see data/ATTRIBUTION.md.[/]");
        return ExitCodes.Success;
    }
}
