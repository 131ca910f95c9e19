using System.Diagnostics;
using System.Globalization;
using Vigil.Bench;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Formats.Ucdp;
using Vigil.Ingestion.Normalization;

// Import benchmark (see BENCHMARKS.md): vigil import against the sqlite3 shell's .import of the same file,
// in one run on one machine, plus an in-process breakdown of where vigil's time goes.
var inv = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
Directory.CreateDirectory(options.Work);
if (args.Contains("--extraction"))
{
    // Extraction throughput (one thread) against reading and sentence-splitting the same corpus.
    var articles = int.Parse(args.SkipWhile(a => a != "--articles").Skip(1).FirstOrDefault() ?? "100000", inv);
    ExtractionBench.Run(options.Work, articles, options.Seed, Math.Max(1, options.Rounds));
    return 0;
}
if (args.Contains("--feeds"))
{
    // Feed items end to end (loopback site -> fetch, page text, de-duplication, extraction, queue) against the extractor alone.
    var items = int.Parse(args.SkipWhile(a => a != "--feeds").Skip(1).FirstOrDefault() ?? "2000", inv);
    FeedBench.Run(options.Work, items, options.Seed, Math.Max(1, options.Rounds));
    return 0;
}
if (args.Contains("--links"))
{
    // Linking a generated dataset of N records (--links N, 100,000 by default) against the --rows generated UCDP records
    // (blocking, against a full read of both in the same run).
    var links = args.SkipWhile(a => a != "--links").Skip(1).FirstOrDefault();
    LinkBench.Run(options, links is not null && int.TryParse(links, NumberStyles.None, inv, out var n) ? n : 100000);
    return 0;
}
if (args.Contains("--combined-series"))
{
    // The monthly series over one dataset against the same over a combined, linked scope of two (--rows in all,
    // --second N of them in the second dataset, --near the share of those that are near copies; --linking run to link
    // with DatasetLinking instead of writing the true links; --pg CONN for PostgreSQL too).
    string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    CombinedBench.Run(options, int.Parse(Arg("--second") ?? (options.Rows / 10).ToString(inv), inv),
        double.Parse(Arg("--near") ?? "0.4", inv), Arg("--linking") == "run");
    return 0;
}
if (args.Contains("--merge"))
{
    // Matching extracted reports with the stored incidents of an imported database (blocking against a full read).
    var reports = int.Parse(args.SkipWhile(a => a != "--reports").Skip(1).FirstOrDefault() ?? "10000", inv);
    var db = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault() ?? Path.Combine(options.Work, $"vigil-stats-{options.Rows}.db");
    MergeBench.Run(db, reports, options.Seed);
    return 0;
}
var data = Path.Combine(options.Work, $"ucdp-{options.Rows}-seed{options.Seed}.csv");
if (!File.Exists(data))
{
    Console.WriteLine($"generating {options.Rows:N0} UCDP-layout rows (seed {options.Seed}) -> {data}");
    var watch = Stopwatch.StartNew();
    UcdpGenerator.Write(options.Template, data + ".partial", options.Rows, options.Seed);
    File.Move(data + ".partial", data, overwrite: true);
    Console.WriteLine($"  {new FileInfo(data).Length / 1e6:N0} MB in {watch.Elapsed.TotalSeconds:N1} s");
}
var size = new FileInfo(data).Length;
Console.WriteLine($"file: {data} ({size / 1e6:N0} MB, {options.Rows:N0} rows)");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

if (options.Postgres is { } server)
{
    var sqliteDb = Path.Combine(options.Work, $"vigil-stats-{options.Rows}.db");
    if (!File.Exists(sqliteDb))
        Import(options.Vigil, data, sqliteDb);
    PostgresBench.Run(data, options.Rows, server, options.Psql ?? "psql", options.Vigil, sqliteDb, options.Rounds);
    return 0;
}

if (args.Contains("--as-of"))
{
    // A monthly series as of a past moment, with N later revisions, against the current series.
    var db = Path.Combine(options.Work, $"vigil-stats-{options.Rows}.db");
    if (!File.Exists(db))
        Import(options.Vigil, data, db);
    AsOfBench.Run(db, int.Parse(args.SkipWhile(a => a != "--revisions").Skip(1).FirstOrDefault() ?? "200000", inv), Math.Max(3, options.Rounds), options.Seed);
    return 0;
}

if (options.StatsOnly)
{
    var db = Path.Combine(options.Work, $"vigil-stats-{options.Rows}.db");
    if (!File.Exists(db))
        Import(options.Vigil, data, db);
    StatsBench.Run(data, db, Math.Max(3, options.Rounds));
    return 0;
}

var results = new List<(string Name, ProcessMeter.Measurement M)>();
for (var round = 1; round <= options.Rounds; round++)
{
    var baseDb = Path.Combine(options.Work, "sqlite3-baseline.db");
    var vigilDb = Path.Combine(options.Work, "vigil-bench.db");
    foreach (var f in new[] { baseDb, vigilDb })
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(f + suffix);

    var baseline = ProcessMeter.Run("sqlite3", [baseDb], $".mode csv\n.import '{data}' ucdp\n");
    Check(baseline, "sqlite3 .import");
    results.Add(("sqlite3 .import (plain table, all TEXT, no index)", baseline));

    var vigil = ProcessMeter.Run("dotnet", [options.Vigil, "import", data, "--db", vigilDb, "--json", "--author", "bench"]);
    Check(vigil, "vigil import");
    results.Add(("vigil import (validate, normalise, index, revisions)", vigil));
    Console.WriteLine($"round {round}: sqlite3 {baseline.Seconds:N1} s, vigil {vigil.Seconds:N1} s, ratio {vigil.Seconds / baseline.Seconds:N2}");
}

Console.WriteLine();
Console.WriteLine("| step | seconds | rows/s | peak RSS (MB) |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var (name, m) in results)
    Console.WriteLine(string.Create(inv, $"| {name} | {m.Seconds:N1} | {options.Rows / m.Seconds:N0} | {m.PeakBytes / 1048576.0:N0} |"));
var pairs = results.Chunk(2).Select(p => p[1].M.Seconds / p[0].M.Seconds).ToList();
Console.WriteLine(string.Create(inv, $"\nratio vigil / sqlite3, per round: {string.Join(", ", pairs.Select(r => r.ToString("N2", inv)))}"));

if (!options.SkipBreakdown)
{
    Console.WriteLine("\nwhere vigil's time goes (in-process, same file):");
    var parse = Time(() => Parse(data, normalizer: null));
    var normalise = Time(() => Parse(data, IncidentNormalizer.Bundled()));
    Console.WriteLine(string.Create(inv, $"| read + parse + validate (Sep, UCDP rules) | {parse:N1} s |"));
    Console.WriteLine(string.Create(inv, $"| ... + normalise (gazetteer, point-in-polygon, actors) | {normalise:N1} s |"));
    Console.WriteLine(string.Create(inv, $"| full import (above: writes, indexes, revisions) | {results[^1].M.Seconds:N1} s, of which about {results[^1].M.Seconds - normalise:N1} s in SQLite and process start |"));
}
return 0;

static void Check(ProcessMeter.Measurement m, string what)
{
    if (m.ExitCode != 0)
        throw new InvalidOperationException($"{what} failed ({m.ExitCode}): {m.Output}");
}

// The database a benchmark reads, imported by the installed command (Release build of src/Vigil.Cli) if not there yet.
static void Import(string vigil, string data, string db)
{
    if (!File.Exists(vigil))
        throw new FileNotFoundException($"the vigil command is not built: run dotnet build -c Release src/Vigil.Cli (or pass --vigil PATH)", vigil);
    Check(ProcessMeter.Run("dotnet", [vigil, "import", data, "--db", db, "--json", "--author", "bench"]), "importing " + data);
}

static double Time(Func<long> action)
{
    var watch = Stopwatch.StartNew();
    var rows = action();
    watch.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({rows:N0} incidents)"));
    return watch.Elapsed.TotalSeconds;
}

static long Parse(string path, IncidentNormalizer? normalizer)
{
    using var file = CsvFile.Open(path);
    var parser = new UcdpGedFormat().Bind(file);
    long count = 0;
    file.ForEachRow(row =>
    {
        var result = parser.Parse(row);
        if (result.Incident is null)
            return;
        if (normalizer is not null)
            normalizer.Normalize(result.Incident);
        count++;
    }, (_, e) => throw e);
    return count;
}

internal sealed record Options(int Rows, int Seed, int Rounds, string Work, string Template, string Vigil, bool SkipBreakdown, bool StatsOnly,
    string? Postgres, string? Psql)
{
    public static Options Parse(string[] args)
    {
        var root = FindRoot();
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            int.Parse(Value("--rows") ?? "1000000", CultureInfo.InvariantCulture),
            int.Parse(Value("--seed") ?? "42", CultureInfo.InvariantCulture),
            int.Parse(Value("--rounds") ?? "1", CultureInfo.InvariantCulture),
            Value("--work") ?? Path.Combine(root, "bench", "out"),
            Path.Combine(root, "data", "ucdp", "conflict_data_pak.csv"),
            Value("--vigil") ?? Path.Combine(root, "src", "Vigil.Cli", "bin", "Release", "net10.0", "vigil.dll"),
            args.Contains("--skip-breakdown"),
            args.Contains("--stats"),
            Value("--pg"),
            Value("--psql"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("run from inside the repository");
    }
}
