using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Cli.Infrastructure;
using Vigil.Cli.Summary;

namespace Vigil.Cli.Commands;

/// <summary>
/// The main job until the web server exists: a database that works out of the box, filled with the
/// bundled UCDP GED Pakistan data on first run, and the latest month's summary.
/// </summary>
public sealed class StartCommand(CliOutput output, TimeProvider clock, ReferenceData reference) : Command<TableSettings>
{
    public override int Execute(CommandContext context, TableSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        var store = db.Incidents;
        FirstRunView.Run(output, db, reference, "vigil start", cancellationToken);

        var info = store.GetInfo();
        output.Console.MarkupLine($"[grey]{Markup.Escape(info.Location)}: {Counted.Of(info.Incidents, "incident")}, {info.FirstDate:yyyy-MM-dd} .. {info.LastDate:yyyy-MM-dd}[/]");
        if (info.Incidents > 0)
        {
            var built = new MonthlyReports(db, reference, clock).Build(new MonthlyReportRequest { WithAccountability = false });
            SummaryView.Write(output, SummaryJson.Of(built));
        }
        output.Console.MarkupLine("[grey]Next: vigil incidents list --province KP --actor TTP --from 2014 --to 2014 · vigil summary --month 2014-06 · vigil --help[/]");
        output.Console.MarkupLine("[grey]Data: UCDP GED (CC BY 4.0), geoBoundaries, GeoNames; see data/ATTRIBUTION.md.[/]");
        return ExitCodes.Success;
    }
}
