using Spectre.Console.Testing;
using Vigil.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Reliability.Tests;

/// <summary>The real `vigil` command line, in-process, with its output captured.</summary>
public static class VigilRun
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var console = new TestConsole().Width(220);
        var error = new StringWriter();
        var code = VigilCli.Run(args, new CliOutput(console, error, () => new MemoryStream()), new TestClock());
        return (code, console.Output, error.ToString());
    }
}
