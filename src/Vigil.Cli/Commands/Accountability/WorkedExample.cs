using Spectre.Console;
using Vigil.Accountability.Files;
using Vigil.Cli.Infrastructure;
using Vigil.Storage.Relational;

namespace Vigil.Cli.Commands.Accountability;

/// <summary>
/// Loads the shipped worked example (data/accountability/worked-example.yaml: the five crossings, the
/// founding editorial's engagement and commitment, and clearly marked samples) into a new database, so
/// that the scorecard and the border monitor have something to show on first run.
/// </summary>
internal static class WorkedExample
{
    public static void LoadOnFirstRun(CliOutput output, RelationalIncidentStore store)
    {
        var accountability = new RelationalAccountabilityStore(store);
        if (!File.Exists(VigilPaths.BundledAccountability) || accountability.GetCrossings().Count > 0 || accountability.GetEngagements().Count > 0)
            return;
        var summary = AccountabilityImporter.Import(accountability, VigilPaths.BundledAccountability);
        output.Console.MarkupLine(Markup.Escape($"loaded the worked example: {summary.Crossings} crossings, {summary.Engagements} engagements, {summary.Commitments} commitments (samples are marked)"));
    }
}
