using System.Diagnostics;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>vigil</c> as an installed .NET tool: the project packs as a tool (the build the tests already made, so no second
/// build), installs into a folder, and the installed command runs — with the bundled data it loads on first run.
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void The_packed_tool_installs_and_runs_help_start_and_summary()
    {
        var packages = _dir.File("packages");
        var tools = _dir.File("tools");
        var db = _dir.File("vigil.db");
        var project = RepoFiles.Path_("src", "Vigil.Cli", "Vigil.Cli.csproj");
        // The configuration the test project was built in, so that --no-build finds Vigil.Cli's output.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

        Run("dotnet", ["pack", project, "--no-build", "-c", configuration, "-o", packages, "--nologo", "-v", "q"]);
        Assert.Single(Directory.GetFiles(packages, "vigil.*.nupkg"));
        // The package just made is the only source: never a package of the same name from elsewhere.
        var config = _dir.Write("nuget.config", $"<configuration><packageSources><clear /><add key=\"vigil\" value=\"{packages}\" /></packageSources></configuration>");
        Run("dotnet", ["tool", "install", "vigil", "--tool-path", tools, "--configfile", config]);
        var vigil = Path.Combine(tools, OperatingSystem.IsWindows() ? "vigil.exe" : "vigil");

        var help = Run(vigil, ["--help"]);
        var start = Run(vigil, ["start", "--db", db]);
        var summary = Run(vigil, ["summary", "--db", db, "--month", "2014-06"]);

        Assert.Contains("USAGE:", help, StringComparison.Ordinal);
        Assert.Contains("vigil [OPTIONS] <COMMAND>", help, StringComparison.Ordinal);
        Assert.Contains("loaded 6,416 incidents", start, StringComparison.Ordinal);
        Assert.Contains("Security summary: June 2014, Pakistan", summary, StringComparison.Ordinal);
        Assert.Contains("61 incidents", summary, StringComparison.Ordinal);
        // Its standard output is a pipe here: the breakdowns are plain, tab-separated.
        Assert.Contains("Khyber Pakhtunkhwa\t47\t526\tnot recorded", summary, StringComparison.Ordinal);
    }

    private string Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir.Path };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)}: still running after 3 minutes");
        }
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    public void Dispose() => _dir.Dispose();
}
