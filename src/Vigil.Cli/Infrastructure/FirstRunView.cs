using Spectre.Console;
using Vigil.Application.Reference;
using Vigil.Application.Setup;
using Vigil.Storage;

namespace Vigil.Cli.Infrastructure;

/// <summary>The first run (<see cref="FirstRun"/>) as <c>start</c> and <c>serve</c> show it: what is loaded, with a progress bar.</summary>
public static class FirstRunView
{
    public static void Run(CliOutput output, IVigilDatabase db, ReferenceData reference, string author, CancellationToken cancellationToken)
    {
        var request = new FirstRunRequest(VigilPaths.BundledUcdp, VigilPaths.BundledAccountability, author, Load: work =>
        {
            output.Console.MarkupLine($"First run: loading the bundled UCDP GED Pakistan data into [bold]{Markup.Escape(db.Location)}[/] ...");
            return ImportWithProgress.Run(output, VigilPaths.BundledUcdp, quiet: false, work);
        });
        var result = new FirstRun(db, reference).Run(request, cancellationToken);
        if (result.Import is { } import)
            output.Console.MarkupLine($"[green]loaded[/] {import.Summary.Created:N0} incidents in {import.Elapsed.TotalSeconds:0.0} s");
        if (result.WorkedExample is { } s)
            output.Console.MarkupLine(Markup.Escape($"loaded the worked example: {s.Crossings} crossings, {s.Engagements} engagements, {s.Commitments} commitments (samples are marked)"));
    }
}
