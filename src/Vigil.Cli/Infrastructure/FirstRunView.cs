using System.Globalization;
using Spectre.Console;
using Vigil.Application.Reference;
using Vigil.Application.Setup;
using Vigil.Ingestion;
using Vigil.Storage;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// The first run (<see cref="FirstRun"/>) as <c>start</c> and <c>serve</c> show it: what is loaded, with a progress bar on
/// a terminal and, when standard error is not one (a log, <c>dotnet run</c> in a script), a line per quarter of the file —
/// so a first run never looks hung.
/// </summary>
public static class FirstRunView
{
    public static void Run(CliOutput output, IVigilDatabase db, ReferenceData reference, string author, CancellationToken cancellationToken)
    {
        var request = new FirstRunRequest(VigilPaths.BundledUcdp, VigilPaths.BundledAccountability, author, Load: work =>
        {
            var size = File.Exists(VigilPaths.BundledUcdp) ? new FileInfo(VigilPaths.BundledUcdp).Length : 0;
            output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"vigil: first run: creating {db.Location} and importing the bundled UCDP GED Pakistan data ({Path.GetFileName(VigilPaths.BundledUcdp)}, {size / 1_048_576.0:0.0} MB)…"));
            output.Error.Flush();
            return output.Interactive
                ? ImportWithProgress.Run(output, VigilPaths.BundledUcdp, quiet: false, work)
                : work(new QuarterLines(output.Error));
        });
        var result = new FirstRun(db, reference).Run(request, cancellationToken);
        if (result.Import is { } import)
            output.Console.MarkupLine($"[green]loaded[/] {Counted.Of(import.Summary.Created, "incident")} in {import.Elapsed.TotalSeconds:0.0} s");
        if (result.WorkedExample is { } s)
            output.Console.MarkupLine(Markup.Escape($"loaded the worked example: {Counted.Of(s.Crossings, "crossing")}, {Counted.Of(s.Engagements, "engagement")}, {Counted.Of(s.Commitments, "commitment")} (samples are marked)"));
    }

    /// <summary>"vigil: first run: 25% (1,610 rows)" as each quarter of the file is read, on the importing thread.</summary>
    private sealed class QuarterLines(TextWriter error) : IProgress<ImportProgress>
    {
        private int _quarter;

        public void Report(ImportProgress value)
        {
            if (value.TotalBytes <= 0)
                return;
            var quarter = (int)Math.Min(4, 4 * value.BytesRead / value.TotalBytes);
            if (quarter <= _quarter)
                return;
            _quarter = quarter;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vigil: first run: {quarter * 25}% ({Counted.Of(value.Rows, "row")})"));
            error.Flush();
        }
    }
}
