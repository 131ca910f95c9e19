using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Reports;
using Vigil.Reports.Building;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Bench;

/// <summary>
/// Statistics benchmark: the monthly series by province over a whole database of N incidents, against DuckDB
/// running the same aggregate (month × province: count and sums of low/best/high killed) over the same rows,
/// in the same process and run; and the time to build (and render) a whole monthly report.
/// </summary>
public static class StatsBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(string csv, string vigilDb, int rounds)
    {
        Console.WriteLine($"\nstatistics on {vigilDb}");
        using var store = SqliteIncidentStore.Open(vigilDb);
        var incidents = store.Count(IncidentQuery.All);
        Console.WriteLine(string.Create(Inv, $"  {incidents:N0} incidents"));

        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        var load = Stopwatch.StartNew();
        Execute(duck, $"""
            CREATE TABLE ucdp AS
            SELECT CAST(substr(date_start, 1, 10) AS DATE) AS date_start, adm_1,
                   CAST(low AS INTEGER) AS low, CAST(best AS INTEGER) AS best, CAST(high AS INTEGER) AS high
            FROM read_csv('{csv}', header = true, all_varchar = true)
            WHERE id <> ''
            """);
        Console.WriteLine(string.Create(Inv, $"  DuckDB loaded the CSV in {load.Elapsed.TotalSeconds:N1} s (not compared)"));

        const string duckQuery = """
            SELECT date_trunc('month', date_start) AS month, adm_1, count(*), sum(low), sum(best), sum(high)
            FROM ucdp GROUP BY ALL
            """;
        var vigilTimes = new List<double>();
        var duckTimes = new List<double>();
        long vigilRows = 0, duckRows = 0;
        for (var round = 0; round < rounds; round++)
        {
            var w = Stopwatch.StartNew();
            var series = SeriesBuilder.Build(store, new SeriesRequest(IncidentQuery.All, PeriodUnit.Month, GroupBy.Province));
            vigilRows = series.Points().LongCount(p => p.Figures.Incidents > 0);
            vigilTimes.Add(w.Elapsed.TotalMilliseconds);

            w.Restart();
            duckRows = Count(duck, duckQuery);
            duckTimes.Add(w.Elapsed.TotalMilliseconds);
        }
        var v = Median(vigilTimes);
        var d = Median(duckTimes);
        Console.WriteLine("\n| monthly series by province, whole history | median of " + rounds + " | rounds (ms) |");
        Console.WriteLine("|---|---:|---|");
        Console.WriteLine(string.Create(Inv, $"| Vigil (SeriesBuilder on SQLite; {vigilRows:N0} non-empty month×province cells) | {v:N0} ms | {string.Join(", ", vigilTimes.Select(t => t.ToString("N0", Inv)))} |"));
        Console.WriteLine(string.Create(Inv, $"| DuckDB (same aggregate, in-memory table; {duckRows:N0} groups) | {d:N0} ms | {string.Join(", ", duckTimes.Select(t => t.ToString("N0", Inv)))} |"));
        Console.WriteLine(string.Create(Inv, $"\nratio Vigil / DuckDB: {v / d:N1}"));

        var last = store.DateRange(IncidentQuery.All).Last!.Value;
        var month = Period.Containing(last, PeriodUnit.Month);
        var dir = Directory.CreateTempSubdirectory("vigil-bench-report");
        var model = new List<double>();
        var html = new List<double>();
        var pdf = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var w = Stopwatch.StartNew();
            var report = new MonthlyReportBuilder(store, Gazetteer.Bundled, TimeProvider.System)
                .Build(month, new ReportScope(IncidentQuery.All with { Countries = ["Pakistan"] }, "Pakistan", "all datasets", [], Coverage.Everything));
            model.Add(w.Elapsed.TotalMilliseconds);
            w.Restart();
            ReportRenderers.For("html")!.Render(report, Path.Combine(dir.FullName, "r.html"));
            html.Add(w.Elapsed.TotalMilliseconds);
            w.Restart();
            ReportRenderers.For("pdf")!.Render(report, Path.Combine(dir.FullName, "r.pdf"));
            pdf.Add(w.Elapsed.TotalMilliseconds);
        }
        dir.Delete(recursive: true);
        Console.WriteLine(string.Create(Inv, $"\n| whole monthly report for {month.Label} (median of {rounds}) | ms |"));
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(Inv, $"| statistics → report model | {Median(model):N0} |"));
        Console.WriteLine(string.Create(Inv, $"| + HTML (charts, map, tables) | {Median(html):N0} |"));
        Console.WriteLine(string.Create(Inv, $"| + PDF | {Median(pdf):N0} |"));
        Console.WriteLine(string.Create(Inv, $"| model + HTML + PDF | {Median(model) + Median(html) + Median(pdf):N0} |"));
        Console.WriteLine("(the first round also pays one-time start-up: loading boundaries, fonts, JIT; rounds: "
            + string.Join("; ", Enumerable.Range(0, rounds).Select(i => string.Create(Inv, $"{model[i]:N0}+{html[i]:N0}+{pdf[i]:N0}"))) + ")");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Execute(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Count(DuckDBConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        long n = 0;
        while (r.Read())
            n++;
        return n;
    }
}
