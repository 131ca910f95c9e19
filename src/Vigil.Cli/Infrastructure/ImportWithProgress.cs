using Spectre.Console;
using Vigil.Ingestion;

namespace Vigil.Cli.Infrastructure;

/// <summary>Runs an import with a progress bar when the output is a terminal, silently otherwise.</summary>
public static class ImportWithProgress
{
    public static ImportResult Run(CliOutput output, Importer importer, string file, ImportOptions options, bool quiet, CancellationToken ct) =>
        Run(output, file, quiet, progress => importer.Import(file, options, progress, ct));

    /// <summary>Runs <paramref name="work"/> (which reads <paramref name="file"/>) with a progress bar over the file's bytes on a terminal.</summary>
    public static T Run<T>(CliOutput output, string file, bool quiet, Func<IProgress<ImportProgress>?, T> work)
    {
        if (quiet || !output.Interactive)
            return work(null);
        T result = default!;
        output.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: File.Exists(file) ? Math.Max(1, new FileInfo(file).Length) : 1);
                result = work(new DirectProgress(p => task.Value = p.BytesRead));
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports on the importing thread (System.Progress would post to the thread pool).</summary>
    private sealed class DirectProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
