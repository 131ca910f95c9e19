using System.Diagnostics;

namespace Vigil.Reliability.Tests;

/// <summary>Starts the worker program (tests/Vigil.Reliability.Worker) as a process of its own, to be killed.</summary>
public static class Worker
{
    public static string Dll { get; } = Find();

    public static Process Start(IReadOnlyList<string> args, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                onLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>SIGKILL (Process.Kill on Unix): the process gets no chance to clean up. True when it was still running.</summary>
    public static bool Kill(Process process)
    {
        var running = !process.HasExited;
        if (running)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                running = false; // it ended between the check and the kill
            }
        }
        process.WaitForExit();
        return running;
    }

    private static string Find()
    {
        // tests/Vigil.Reliability.Tests/bin/CONFIG/TFM/ -> tests/Vigil.Reliability.Worker/bin/CONFIG/TFM/
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var dll = Path.Combine(here.Replace("Vigil.Reliability.Tests", "Vigil.Reliability.Worker", StringComparison.Ordinal), "Vigil.Reliability.Worker.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"the worker is not built: {dll}");
        return dll;
    }
}
