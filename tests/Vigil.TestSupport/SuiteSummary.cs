namespace Vigil.TestSupport;

/// <summary>
/// A suite's summary lines (trials and outcomes, requests sent and 5xx counts), written to
/// TestResults/NAME-summary.txt beside the test binaries (which .ci/run prints) and echoed on standard error
/// so that `dotnet test` shows them. Each run writes its own file.
/// </summary>
public sealed class SuiteSummary(string name)
{
    private readonly Lock _gate = new();
    private bool _started;

    public void Write(string line)
    {
        lock (_gate)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{name}-summary.txt");
            if (!_started)
            {
                File.Delete(path);
                _started = true;
            }
            File.AppendAllText(path, $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
            Console.Error.WriteLine($"[{name}] {line}");
        }
    }
}
