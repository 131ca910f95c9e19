using System.Diagnostics;

namespace Vigil.Bench;

/// <summary>Runs a program to completion, timing it and sampling its peak resident memory from /proc.</summary>
public static class ProcessMeter
{
    public sealed record Measurement(double Seconds, long PeakBytes, int ExitCode, string Output);

    public static Measurement Run(string fileName, IEnumerable<string> arguments, string? stdin = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        long peak = 0;
        while (!process.WaitForExit(20))
            peak = Math.Max(peak, PeakOf(process.Id));
        watch.Stop();
        return new Measurement(watch.Elapsed.TotalSeconds, peak, process.ExitCode, output.Result + error.Result);
    }

    /// <summary>VmHWM (the high-water mark of resident memory) of a live process, in bytes.</summary>
    private static long PeakOf(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }
        return 0;
    }
}
