using System.Globalization;
using Spectre.Console;
using Vigil.Application.Reference;
using Vigil.Application.Setup;
using Vigil.Ingestion;
using Vigil.Ingestion.Formats.Ucdp;
using Vigil.Storage;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// The first run (<see cref="FirstRun"/>) as <c>start</c> and <c>serve</c> show it: what is loaded, with a progress bar on
/// a terminal and, when standard error is not one (a log, <c>dotnet run</c> in a script), a line per quarter of each file —
/// so a first run never looks hung.
/// </summary>
public static class FirstRunView
{
    /// <summary>The files a new database is filled with, in order, and how each is named while it loads.</summary>
    private static readonly (BundledFile File, string Title)[] Bundled =
    [
        (new BundledFile(VigilPaths.BundledUcdp, UcdpGedFormat.Dataset), "UCDP GED Pakistan data, 1989–2021"),
        (new BundledFile(VigilPaths.BundledUcdpCandidate, UcdpCandidateFormat.Dataset), "UCDP Candidate data (provisional), Afghanistan and Pakistan, January–July 2026"),
    ];

    public static void Run(CliOutput output, IVigilDatabase db, ReferenceData reference, string author, CancellationToken cancellationToken)
    {
        var first = true;
        var request = new FirstRunRequest([.. Bundled.Select(b => b.File)], VigilPaths.BundledAccountability, author, Load: (file, work) =>
        {
            var title = Bundled.First(b => b.File == file).Title;
            var size = File.Exists(file.Path) ? new FileInfo(file.Path).Length : 0;
            var what = string.Create(CultureInfo.InvariantCulture, $"the bundled {title} ({Path.GetFileName(file.Path)}, {size / 1_048_576.0:0.0} MB) as dataset {file.Format}");
            output.Error.WriteLine(first ? $"vigil: first run: creating {db.Location} and importing {what}…" : $"vigil: first run: importing {what}…");
            output.Error.Flush();
            first = false;
            return output.Interactive
                ? ImportWithProgress.Run(output, file.Path, quiet: false, work)
                : work(new QuarterLines(output.Error));
        });
        var result = new FirstRun(db, reference).Run(request, cancellationToken);
        foreach (var import in result.Imports)
            output.Console.MarkupLine($"[green]loaded[/] {Counted.Of(import.Summary.Created, "incident")} of {Markup.Escape(import.Format)} in {import.Elapsed.TotalSeconds:0.0} s");
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
