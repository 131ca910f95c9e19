using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Storage.Postgres;
using Vigil.Storage.Sqlite;

namespace Vigil.Bench;

/// <summary>
/// PostgreSQL benchmark: `vigil import` of the generated file into PostgreSQL (binary COPY) against psql's
/// \copy of the same file into a plain table of TEXT columns with no index, in the same run; then the
/// monthly-by-province series on PostgreSQL against the same series on SQLite over the same rows.
/// </summary>
public static class PostgresBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(string csv, long rows, string server, string psql, string vigil, string sqliteDb, int rounds)
    {
        var header = File.ReadLines(csv).First().Split(',');
        var results = new List<(double Baseline, double Vigil)>();
        string? lastVigilDb = null;
        for (var round = 1; round <= rounds; round++)
        {
            var baseDb = Recreate(server, "bench_copy");
            Execute(baseDb, $"CREATE TABLE ucdp ({string.Join(", ", header.Select(h => $"\"{h}\" TEXT"))})");
            var b = new NpgsqlConnectionStringBuilder(baseDb);
            var baseline = ProcessMeter.Run(psql, ["-h", b.Host!, "-p", b.Port.ToString(Inv), "-U", b.Username!, "-d", b.Database!, "-v", "ON_ERROR_STOP=1",
                "-c", $"\\copy ucdp FROM '{csv}' WITH (FORMAT csv, HEADER true)"]);
            if (baseline.ExitCode != 0)
                throw new InvalidOperationException("psql \\copy failed: " + baseline.Output);

            lastVigilDb = Recreate(server, "bench_vigil");
            var imported = ProcessMeter.Run("dotnet", [vigil, "import", csv, "--db", "postgres:" + lastVigilDb, "--json", "--author", "bench"]);
            if (imported.ExitCode != 0)
                throw new InvalidOperationException("vigil import failed: " + imported.Output);
            results.Add((baseline.Seconds, imported.Seconds));
            Console.WriteLine(string.Create(Inv, $"round {round}: psql \\copy {baseline.Seconds:N1} s, vigil import {imported.Seconds:N1} s (peak RSS {imported.PeakBytes / 1048576.0:N0} MB), ratio {imported.Seconds / baseline.Seconds:N2}"));
        }
        Console.WriteLine("\n| step | seconds (per round) | rows/s (median) |");
        Console.WriteLine("|---|---|---:|");
        Console.WriteLine(string.Create(Inv, $"| psql \\copy (plain table, all TEXT, no index) | {string.Join(", ", results.Select(r => r.Baseline.ToString("N1", Inv)))} | {rows / Median(results.Select(r => r.Baseline)):N0} |"));
        Console.WriteLine(string.Create(Inv, $"| vigil import into PostgreSQL (validate, normalise, COPY, index, rollup) | {string.Join(", ", results.Select(r => r.Vigil.ToString("N1", Inv)))} | {rows / Median(results.Select(r => r.Vigil)):N0} |"));
        Console.WriteLine(string.Create(Inv, $"\nratio vigil / psql \\copy, per round: {string.Join(", ", results.Select(r => (r.Vigil / r.Baseline).ToString("N2", Inv)))}"));

        using var postgres = PostgresIncidentStore.Open(lastVigilDb!);
        using var sqlite = SqliteIncidentStore.Open(sqliteDb);
        Console.WriteLine(string.Create(Inv, $"\nmonthly series by province: PostgreSQL {postgres.Count(IncidentQuery.All):N0} incidents, SQLite {sqlite.Count(IncidentQuery.All):N0} incidents"));
        var request = new SeriesRequest(IncidentQuery.All, PeriodUnit.Month, GroupBy.Province);
        var pgTimes = new List<double>();
        var sqliteTimes = new List<double>();
        for (var round = 0; round < Math.Max(5, rounds); round++)
        {
            var w = Stopwatch.StartNew();
            var a = SeriesBuilder.Build(postgres, request).Points().Count();
            pgTimes.Add(w.Elapsed.TotalMilliseconds);
            w.Restart();
            var c = SeriesBuilder.Build(sqlite, request).Points().Count();
            sqliteTimes.Add(w.Elapsed.TotalMilliseconds);
            if (a != c)
                throw new InvalidOperationException($"the two back-ends disagree: {a} points against {c}");
        }
        Console.WriteLine("| back-end | median (ms) | rounds (ms) |");
        Console.WriteLine("|---|---:|---|");
        Console.WriteLine(string.Create(Inv, $"| PostgreSQL | {Median(pgTimes):N0} | {string.Join(", ", pgTimes.Select(t => t.ToString("N0", Inv)))} |"));
        Console.WriteLine(string.Create(Inv, $"| SQLite | {Median(sqliteTimes):N0} | {string.Join(", ", sqliteTimes.Select(t => t.ToString("N0", Inv)))} |"));
        Console.WriteLine(string.Create(Inv, $"\nratio PostgreSQL / SQLite: {Median(pgTimes) / Median(sqliteTimes):N2}"));
    }

    private static string Recreate(string server, string name)
    {
        Execute(server, $"DROP DATABASE IF EXISTS {name}");
        Execute(server, $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
