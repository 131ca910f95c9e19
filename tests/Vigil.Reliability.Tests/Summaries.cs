namespace Vigil.Reliability.Tests;

/// <summary>
/// The suite's summary lines (trials, kills, outcomes), also appended to TestResults/reliability-summary.txt
/// beside the test binaries and echoed on standard error so that `dotnet test` prints them.
/// </summary>
public static class Summaries
{
    private static readonly Lock Gate = new();

    public static void Write(string line)
    {
        lock (Gate)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
            Directory.CreateDirectory(folder);
            File.AppendAllText(Path.Combine(folder, "reliability-summary.txt"), $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
            Console.Error.WriteLine("[reliability] " + line);
        }
    }
}
