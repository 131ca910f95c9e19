using System.Text;
using Spectre.Console.Testing;
using Vigil.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>Runs the real <c>vigil</c> entry point against a test console and captures what it writes.</summary>
public sealed class Cli : IDisposable
{
    public Cli()
    {
        Db = Dir.File("vigil.db");
    }

    public TempDirectory Dir { get; } = new();
    public TestClock Clock { get; } = new();
    public string Db { get; }

    /// <summary>The test console's width in columns (a pipe is 80).</summary>
    public int Width { get; set; } = 220;

    /// <summary>Whether the run sees its standard output as a pipe (tables then print plain) rather than a terminal.</summary>
    public bool Piped { get; set; }

    /// <summary>Runs <c>vigil ARGS --db DB</c> (the database option is added unless given).</summary>
    public CliResult Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs <c>vigil ARGS --db DB</c> with <paramref name="stdin"/> as standard input.</summary>
    public CliResult RunWithInput(string stdin, params string[] args)
    {
        var console = new TestConsole().Width(Width);
        var error = new StringWriter();
        var stdout = new MemoryStream();
        var output = new CliOutput(console, error, () => new NonClosingStream(stdout)) { OpenStdin = () => new StringReader(stdin), Piped = Piped };
        var withDb = args.Contains("--db") || args.Contains("--help") || args.Length == 0 ? args : [.. args, "--db", Db];
        var code = VigilCli.Run(withDb, output, Clock);
        return new CliResult(code, console.Output + Encoding.UTF8.GetString(stdout.ToArray()), error.ToString());
    }

    public void Dispose() => Dir.Dispose();

    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error);
