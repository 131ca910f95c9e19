using Vigil.TestSupport;

namespace Vigil.Reliability.Tests;

/// <summary>The reliability suite's summary (TestResults/reliability-summary.txt): trials, kills, outcomes.</summary>
public static class Summaries
{
    private static readonly SuiteSummary Summary = new("reliability");

    public static void Write(string line) => Summary.Write(line);
}
