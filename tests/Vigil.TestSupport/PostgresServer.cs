using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Vigil.Storage.Backends;
using Xunit;

namespace Vigil.TestSupport;

/// <summary>
/// A private PostgreSQL for the tests: <c>VIGIL_TEST_POSTGRES</c> when set (a connection string to a server
/// where the user may create databases), else a server started from the installed binaries (initdb and
/// pg_ctl into a temporary folder on a free port, run as the <c>postgres</c> user when the tests run as
/// root), stopped when the test process exits. Each test gets a database of its own.
/// Without PostgreSQL the tests skip saying what to install — except under CI=true, where they fail.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "VIGIL_TEST_POSTGRES";
    private static readonly Lazy<(string? ConnectionString, string? Problem)> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    /// <summary>
    /// The connection string of a new database — empty, or a copy of <paramref name="template"/> (a database
    /// made here that nobody is connected to); skips (or fails under CI) without PostgreSQL.
    /// </summary>
    public static string CreateDatabase(string? template = null)
    {
        var (admin, problem) = Server.Value;
        if (admin is null)
        {
            var message = $"PostgreSQL tests need a server: install the PostgreSQL server binaries (Debian: apt-get install postgresql) or set {Variable} to a connection string. {problem}";
            if (SharedData.IsCi)
                Assert.Fail("CI=true but " + message);
            Assert.Skip(message);
        }
        var name = $"vigil_t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = template is null
                ? $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
                : $"CREATE DATABASE {name} TEMPLATE {new NpgsqlConnectionStringBuilder(template).Database}";
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>True when a server is available (without skipping).</summary>
    public static bool Available => Server.Value.ConnectionString is not null;

    private static (string?, string?) Start()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
            return (given, null);
        var bin = FindBinaries();
        if (bin is null)
            return (null, "No initdb found under /usr/lib/postgresql/*/bin or on PATH.");
        try
        {
            return (StartPrivate(bin), null);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            return (null, "Starting a private server failed: " + e.Message);
        }
    }

    /// <summary>The folder of initdb and pg_ctl (found as Vigil finds pg_dump: PATH, then /usr/lib/postgresql/*/bin).</summary>
    private static string? FindBinaries() =>
        Backups.FindPgTool("initdb") is { } initdb && File.Exists(Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl"))
            ? Path.GetDirectoryName(initdb)
            : null;

    private static string StartPrivate(string bin)
    {
        var root = Environment.UserName == "root";
        var dir = Path.Combine(Path.GetTempPath(), $"vigil-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        if (root)
            Run("chown", ["postgres:postgres", dir], asPostgres: false);
        var data = Path.Combine(dir, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "vigil", "-E", "UTF8", "--no-locale", "--no-sync"], root);
        var port = FreePort();
        // fsync off: these tests kill client processes, never the server or the machine, so nothing they
        // check depends on flushing to disk; it keeps the suite fast on shared machines.
        var options = $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200";
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(dir, "log"), "-w", "-t", "60", "start"], root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], root);
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // The temporary folder is the OS's to clean.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=vigil;Database=postgres;Pooling=false;Timeout=30;Command Timeout=300";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        }
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 2 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
    }
}
