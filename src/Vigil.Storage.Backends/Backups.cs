using System.Data;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Vigil.Domain.Errors;
using Vigil.Storage.Postgres;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;

namespace Vigil.Storage.Backends;

/// <summary>
/// Backups that can be checked. SQLite: the online backup API (a consistent copy while others keep
/// writing). PostgreSQL: pg_dump's custom format, taken from the very snapshot the checksums are computed
/// on (pg_export_snapshot), so manifest and dump describe the same moment. Restore puts the data into an
/// empty database and compares every table with the manifest.
/// </summary>
public static class Backups
{
    public static BackupManifest Backup(DatabaseLocation location, string file, TimeProvider clock)
    {
        if (File.Exists(file))
            throw new VigilException($"{file}: already exists; choose a new name (a backup never overwrites)");
        var partial = file + ".partial";
        File.Delete(partial);
        using var store = location.OpenRelational(clock);
        IReadOnlyList<TableChecksum> tables;
        if (store is SqliteIncidentStore sqlite)
        {
            using (var destination = new SqliteConnection($"Data Source={partial};Pooling=False"))
            {
                destination.Open();
                ((SqliteConnection)sqlite.Connection).BackupDatabase(destination);
            }
            using var copy = SqliteIncidentStore.Open(partial, clock);
            tables = TableChecksums.Compute(copy);
        }
        else
        {
            using var tx = store.Connection.BeginTransaction(IsolationLevel.RepeatableRead);
            string snapshot;
            using (var cmd = store.Command(tx, "SELECT pg_export_snapshot()"))
                snapshot = (string)cmd.ExecuteScalar()!;
            tables = TableChecksums.Compute(store, tx);
            PgTool("pg_dump", location.Target, ["--format=custom", "--no-owner", "--snapshot=" + snapshot, "--file=" + partial]);
            tx.Commit();
        }
        var manifest = new BackupManifest(location.Backend.ToString().ToLowerInvariant(), store.SchemaVersion, clock.GetUtcNow(),
            BackupManifest.Sha256Of(partial), tables);
        File.Move(partial, file);
        manifest.Write(file);
        return manifest;
    }

    /// <summary>Restores into an empty database; returns the differences from the manifest (none when sound).</summary>
    public static IReadOnlyList<string> Restore(string file, DatabaseLocation location, TimeProvider clock)
    {
        var manifest = BackupManifest.Read(file);
        if (!File.Exists(file))
            throw new VigilException($"{file}: no such backup");
        if (BackupManifest.Sha256Of(file) != manifest.FileSha256)
            throw new VigilException($"{file}: its SHA-256 differs from the manifest's; the backup is damaged");
        if (!string.Equals(manifest.Backend, location.Backend.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new VigilException($"{file} is a {manifest.Backend} backup; restore it into a {manifest.Backend} database (then 'vigil db copy' to move it)");

        if (location.Backend == Backend.Sqlite)
        {
            if (File.Exists(location.Target) && new FileInfo(location.Target).Length > 0)
                throw new VigilException($"{location.Target}: already exists; restore into a new file");
            var partial = location.Target + ".partial";
            File.Delete(partial);
            using (var source = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False"))
            using (var destination = new SqliteConnection($"Data Source={partial};Pooling=False"))
            {
                source.Open();
                destination.Open();
                source.BackupDatabase(destination);
            }
            File.Move(partial, location.Target);
        }
        else
        {
            using (var store = PostgresIncidentStore.Open(location.Target, clock, migrated: true))
            {
                if (store.ScalarLong(null, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()") > 0)
                    throw new VigilException($"{location}: the database is not empty; restore into a new database");
            }
            PgTool("pg_restore", location.Target, ["--no-owner", "--exit-on-error", "--single-transaction", file]);
        }
        using var restored = location.OpenRelational(clock);
        return TableChecksums.Differences(manifest.Tables, TableChecksums.Compute(restored));
    }

    private static void PgTool(string tool, string connectionString, IReadOnlyList<string> args)
    {
        var path = FindPgTool(tool)
            ?? throw new VigilException($"{tool} not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)");
        var builder = PostgresConnectionString.Parse(connectionString);
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--dbname=" + builder.Database);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (builder.Username is { } user)
            start.Environment["PGUSER"] = user;
        if (builder.Password is { } password)
            start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new VigilException($"cannot start {path}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new VigilException($"{tool} failed ({process.ExitCode}): {stderr.Result.Trim()}{stdout.Result.Trim()}");
    }

    /// <summary>A PostgreSQL client tool on PATH, else the newest under /usr/lib/postgresql/*/bin (Debian).</summary>
    public static string? FindPgTool(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
                return candidate;
        }
        if (!Directory.Exists("/usr/lib/postgresql"))
            return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin", tool))
            .FirstOrDefault(File.Exists);
    }
}
