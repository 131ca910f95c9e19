using System.Diagnostics;
using System.Globalization;
using Vigil.Ingestion.Export;
using Vigil.Storage;
using Vigil.TestSupport.Contracts;

namespace Vigil.Reliability.Tests;

/// <summary>
/// An import killed with SIGKILL at random moments, 20 times per back-end: afterwards the database passes
/// its integrity check and holds either the state before the import or the whole import, never a part.
/// </summary>
public sealed class ImportCrashTests
{
    private const int Rows = 25_000;
    private const int Trials = 20;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_killed_import_leaves_the_state_before_or_the_whole_import(string backend)
    {
        using var target = new CrashTarget(backend);
        var file = target.Dir.File("crash.csv");
        var incidents = Enumerable.Range(1, Rows)
            .Select(n => Incidents.Sample(dataset: "crash", id: n.ToString(CultureInfo.InvariantCulture), day: 1 + n % 1000, killed: n % 40))
            .ToList();
        using (var writer = new StreamWriter(file))
            VigilCsvWriter.Write(writer, incidents);
        var expectedKilled = incidents.Sum(i => (long)i.Killed.Best!.Value);

        // Undisturbed runs say how long an import takes, so the kills can be spread over it. The first run
        // also pays for the worker's start-up (JIT, caches), so the faster of two is the measure; a trial whose
        // import finished before its kill shortens the measure (the machine is shared and its load changes).
        var duration = TimeSpan.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            var db = target.Fresh();
            var watch = Stopwatch.StartNew();
            using (var full = Worker.Start(["cli", "import", "--db", db, file]))
            {
                full.WaitForExit();
                Assert.Equal(0, full.ExitCode);
            }
            duration = TimeSpan.FromTicks(Math.Min(duration.Ticks, watch.Elapsed.Ticks));
            using var store = CrashTarget.Open(db);
            Assert.Equal(Rows, store.Count(IncidentQuery.All with { Datasets = ["crash"] }));
        }

        var random = new Random(20261129);
        int killed = 0, before = 0, whole = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var db = target.Fresh();
            var delay = TimeSpan.FromMilliseconds(duration.TotalMilliseconds * (0.5 + random.NextDouble() * 0.6));
            using var process = Worker.Start(["cli", "import", "--db", db, file]);
            Thread.Sleep(delay);
            if (Worker.Kill(process))
                killed++;
            else
            {
                // The import finished before the kill: on a machine whose load fell since the undisturbed runs
                // imports are faster than measured, so the next kills come earlier.
                duration = TimeSpan.FromTicks((long)(delay.Ticks * 0.8));
            }

            using var store = CrashTarget.Open(db);
            CrashTarget.AssertSound(store);
            var count = store.Count(IncidentQuery.All with { Datasets = ["crash"] });
            var imports = store.GetImports();
            if (count == 0)
            {
                before++;
                Assert.Single(imports);
            }
            else
            {
                whole++;
                Assert.Equal(Rows, count);
                Assert.Equal(expectedKilled, store.Aggregate(IncidentQuery.All with { Datasets = ["crash"] }, GroupBy.None).Single().KilledBest);
                Assert.Equal(2, imports.Count);
                Assert.NotNull(imports[1].FinishedAt);
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"crash during import ({backend}): {Trials} trials of a {Rows:N0}-row import (undisturbed {duration.TotalSeconds:F1} s), {killed} killed while running; outcomes: {before} state before, {whole} whole import, 0 partial");
        TestContext.Current.SendDiagnosticMessage(summary);
        Summaries.Write(summary);
        Assert.True(killed >= Trials / 2, $"most trials should kill a running import: {summary}");
    }
}
