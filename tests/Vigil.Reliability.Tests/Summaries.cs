namespace Vigil.Reliability.Tests;

/// <summary>
/// The suite's summary lines (trials, kills, outcomes), also written to TestResults/reliability-summary.txt
/// beside the test binaries and echoed on standard error so that `dotnet test` prints them.
/// </summary>
public static class Summaries
{
    private static readonly Lock Gate = new();
    private static bool _started;

    public static void Write(string line)
    {
        lock (Gate)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "reliability-summary.txt");
            if (!_started)
            {
                // Each run writes its own summary.
                File.Delete(path);
                _started = true;
            }
            File.AppendAllText(path, $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
            Console.Error.WriteLine("[reliability] " + line);
        }
    }
}
