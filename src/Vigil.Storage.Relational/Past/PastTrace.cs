using System.Diagnostics;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// Where the time of a rebuild goes, step by step, on standard error when <c>VIGIL_ASOF_TRACE=1</c> (for the
/// benchmarks, BENCHMARKS.md "As of a moment"); silent otherwise.
/// </summary>
internal sealed class PastTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("VIGIL_ASOF_TRACE") == "1";
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public void Step(string what)
    {
        if (!On)
            return;
        Console.Error.WriteLine($"  as of: {what} {_watch.Elapsed.TotalMilliseconds:N0} ms");
        _watch.Restart();
    }
}
