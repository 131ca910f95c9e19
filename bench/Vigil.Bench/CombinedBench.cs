using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Vigil.Application.Links;
using Vigil.Domain.Incidents;
using Vigil.Domain.Time;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Storage.Backends;

namespace Vigil.Bench;

/// <summary>
/// Combined-scope benchmark (see BENCHMARKS.md, issue 14): the monthly series over one dataset (<c>ucdp-ged</c>)
/// against the same series over the combined, linked scope <c>ucdp-ged, pbc-suicide</c> — which counts each linked
/// group once by taking the shadowed records off the monthly rollup — without and with a province breakdown,
/// interleaved in the same run. The database: the generated UCDP-layout rows (all but <c>--second</c> of
/// <c>--rows</c>) imported as <c>ucdp-ged</c>, and a second dataset <c>pbc-suicide</c> of <c>--second</c> records,
/// a share (<c>--near</c>, 0.4) of them near copies of distinct <c>ucdp-ged</c> records (0–1 day later, killed ±1),
/// the others copies moved 60–400 days, describing no <c>ucdp-ged</c> event. The links are the truth (each near copy
/// linked to its origin), written through the store's link port; <c>--linking run</c> runs
/// <see cref="DatasetLinking"/> instead (which on this dense generated data also links many of the others).
/// </summary>
internal static class CombinedBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const string Ucdp = "ucdp-ged";
    private const string Second = "pbc-suicide";

    public static void Run(Options options, int second, double near, bool runLinking)
    {
        var first = options.Rows - second;
        var csv = Path.Combine(options.Work, $"ucdp-{first}-seed{options.Seed}.csv");
        if (!File.Exists(csv))
        {
            var gen = Stopwatch.StartNew();
            UcdpGenerator.Write(options.Template, csv + ".partial", first, options.Seed);
            File.Move(csv + ".partial", csv, overwrite: true);
            Console.WriteLine(string.Create(Inv, $"generated {first:N0} UCDP-layout rows in {gen.Elapsed.TotalSeconds:N1} s"));
        }
        var name = string.Create(Inv, $"combined-{first}-{second}-{(int)Math.Round(near * 100)}{(runLinking ? "-run" : "")}");
        Console.WriteLine(string.Create(Inv, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}"));

        var sqlite = Path.Combine(options.Work, $"vigil-{name}.db");
        if (!File.Exists(sqlite))
        {
            Seed("sqlite:" + sqlite + ".partial", csv, second, near, options.Seed, runLinking);
            File.Move(sqlite + ".partial", sqlite);
        }
        Measure("SQLite", "sqlite:" + sqlite, Math.Max(3, options.Rounds));

        if (options.Postgres is { } server)
        {
            var database = "bench_" + name.Replace('-', '_');
            if (!DatabaseExists(server, database))
            {
                var partial = Recreate(server, database + "_partial");
                Seed("postgres:" + partial, csv, second, near, options.Seed, runLinking);
                NpgsqlConnection.ClearAllPools();
                Execute(server, $"ALTER DATABASE {database}_partial RENAME TO {database}");
            }
            Measure("PostgreSQL", "postgres:" + new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString, Math.Max(3, options.Rounds));
        }
    }

    private static void Measure(string backend, string location, int rounds)
    {
        using var db = DatabaseLocation.Parse(location).Open(TimeProvider.System);
        var single = IncidentQuery.All with { Datasets = [Ucdp] };
        var combined = IncidentQuery.All with { Datasets = [Ucdp, Second] };
        Console.WriteLine(string.Create(Inv, $"\n{backend}: {db.Location}"));

        // Correctness, once: combined total = both single totals − the records the links shadow (counted from the link table).
        var one = Totals(db.Incidents, single, GroupBy.None);
        var other = Totals(db.Incidents, IncidentQuery.All with { Datasets = [Second] }, GroupBy.None);
        var both = Totals(db.Incidents, combined, GroupBy.None);
        var bothByProvince = Totals(db.Incidents, combined, GroupBy.Province);
        var (shadowed, shadowedKilled, linkedRows) = Shadowed(db);
        var expected = one.Incidents + other.Incidents - shadowed;
        var expectedKilled = one.KilledBest + other.KilledBest - shadowedKilled;
        var ok = both.Incidents == expected && both.KilledBest == expectedKilled && bothByProvince == both;
        Console.WriteLine(string.Create(Inv,
            $"check: combined {both.Incidents:N0} incidents = {Ucdp} {one.Incidents:N0} + {Second} {other.Incidents:N0} − {shadowed:N0} shadowed ({linkedRows:N0} linked rows in incident_links) = {expected:N0}: {(both.Incidents == expected ? "yes" : "NO")}"));
        Console.WriteLine(string.Create(Inv,
            $"check: combined killed (best) {both.KilledBest:N0} = {one.KilledBest:N0} + {other.KilledBest:N0} − {shadowedKilled:N0} = {expectedKilled:N0}: {(both.KilledBest == expectedKilled ? "yes" : "NO")}; by province sums to the same: {(bothByProvince == both ? "yes" : "NO")}"));
        if (!ok)
            throw new InvalidOperationException("the combined series does not add up");

        var cases = new (string Name, IncidentQuery Query, GroupBy Breakdown)[]
        {
            ($"{Ucdp} alone", single, GroupBy.None),
            ($"{Ucdp}, {Second} combined", combined, GroupBy.None),
            ($"{Ucdp} alone, by province", single, GroupBy.Province),
            ($"{Ucdp}, {Second} combined, by province", combined, GroupBy.Province),
        };
        var times = cases.Select(_ => new List<double>()).ToArray();
        var points = new long[cases.Length];
        for (var round = 0; round < rounds; round++)
        {
            // Interleaved, and the order turned every round so that no case always runs right after another.
            for (var j = 0; j < cases.Length; j++)
            {
                var c = (j + round) % cases.Length;
                var w = Stopwatch.StartNew();
                var series = SeriesBuilder.Build(db.Incidents, new SeriesRequest(cases[c].Query, PeriodUnit.Month, cases[c].Breakdown));
                points[c] = series.Points().LongCount(p => p.Figures.Incidents > 0);
                times[c].Add(w.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine(string.Create(Inv, $"round {round + 1}: {string.Join("; ", cases.Select((c, i) => $"{c.Name} {times[i][^1]:N0} ms"))}"));
        }
        Console.WriteLine(string.Create(Inv, $"\n| {backend}: monthly series, whole history | non-empty cells | median of {rounds} | rounds (ms) |"));
        Console.WriteLine("|---|---:|---:|---|");
        for (var i = 0; i < cases.Length; i++)
            Console.WriteLine(string.Create(Inv, $"| {cases[i].Name} | {points[i]:N0} | {Median(times[i]):N0} ms | {string.Join(", ", times[i].Select(t => t.ToString("N0", Inv)))} |"));
        Console.WriteLine(string.Create(Inv,
            $"\nratio combined / single ({backend}): {Median(times[1]) / Median(times[0]):N2} without breakdown, {Median(times[3]) / Median(times[2]):N2} by province"));
    }

    private static Figures Totals(IIncidentStore store, IncidentQuery query, GroupBy breakdown) =>
        SeriesBuilder.Build(store, new SeriesRequest(query, PeriodUnit.Month, breakdown)).Points().Aggregate(Figures.Zero, (sum, p) => sum.Add(p.Figures));

    /// <summary>
    /// Independently of the series' SQL: the <see cref="Second"/> records linked (status linked) to a live <see cref="Ucdp"/>
    /// record, read from the link table, and the sum of their killed (best) figures.
    /// </summary>
    private static (long Records, long Killed, long LinkedRows) Shadowed(IVigilDatabase db)
    {
        var killed = db.Incidents.Query(IncidentQuery.All with { Datasets = [Second] }).ToDictionary(i => i.Id, i => (long)(i.Killed.Best ?? 0));
        var live = db.Incidents.QueryIds(IncidentQuery.All with { Datasets = [Ucdp] }).ToHashSet();
        var links = db.Links.List(new LinkQuery { Datasets = [Ucdp, Second], Status = LinkStatus.Linked, Limit = int.MaxValue }).Links;
        var shadowed = new HashSet<long>();
        foreach (var l in links)
        {
            var (mine, theirs) = l.DatasetA == Second ? (l.IncidentA, l.IncidentB) : (l.IncidentB, l.IncidentA);
            if (killed.ContainsKey(mine) && live.Contains(theirs))
                shadowed.Add(mine);
        }
        return (shadowed.Count, shadowed.Sum(id => killed[id]), links.Count);
    }

    private static void Seed(string location, string csv, int second, double near, int seed, bool runLinking)
    {
        using var db = DatabaseLocation.Parse(location).Open(TimeProvider.System);
        var watch = Stopwatch.StartNew();
        new Importer(db.Incidents, IncidentNormalizer.Bundled()).Import(csv, new ImportOptions { Author = "bench" });
        Console.WriteLine(string.Create(Inv, $"imported {csv} as {Ucdp} in {watch.Elapsed.TotalSeconds:N1} s"));

        watch.Restart();
        var random = new Random(seed);
        var ids = db.Incidents.QueryIds(IncidentQuery.All);
        var chosen = new HashSet<long>();
        while (chosen.Count < Math.Min(second, ids.Count))
            chosen.Add(ids[random.Next(ids.Count)]);
        var picked = db.Incidents.Query(IncidentQuery.All with { Sort = IncidentSort.Id }).Where(i => chosen.Contains(i.Id)).ToList();
        // Which of the picked become near copies: a fixed share, spread at random over them.
        var nearCount = (int)Math.Round(near * picked.Count);
        var isNear = Enumerable.Range(0, picked.Count).Select(i => i < nearCount).OrderBy(_ => random.Next()).ToArray();
        using (var session = db.Incidents.BeginImport(new ImportRequest(Second, "generated", "vigil", "bench")))
        {
            for (var n = 0; n < picked.Count; n++)
            {
                var i = picked[n];
                var shift = isNear[n] ? random.Next(2) : random.Next(60, 401);
                var killed = i.Killed.Best is { } k ? CasualtyCount.Exactly(Math.Max(0, k + random.Next(-1, 2))) : i.Killed;
                session.Upsert(i with
                {
                    Id = 0,
                    SourceRecord = new SourceRecordKey(Second, string.Create(Inv, $"{n + 1}-{i.Id}-{(isNear[n] ? "near" : "other")}")),
                    Date = new IncidentDate(i.Date.Start.AddDays(shift), i.Date.End.AddDays(shift), i.Date.Precision),
                    Killed = killed,
                });
            }
            session.Commit(0, "generated");
        }
        Console.WriteLine(string.Create(Inv, $"wrote {picked.Count:N0} {Second} records ({nearCount:N0} near copies) in {watch.Elapsed.TotalSeconds:N1} s"));

        watch.Restart();
        if (runLinking)
        {
            var r = new DatasetLinking(db, TimeProvider.System).Link(new DatasetLinkRequest(Second, Ucdp, 1, "bench"));
            Console.WriteLine(string.Create(Inv, $"DatasetLinking: {r.Linked:N0} linked, {r.Ambiguous:N0} ambiguous pairs in {watch.Elapsed.TotalSeconds:N1} s"));
        }
        else
        {
            var proposals = new List<LinkProposal>();
            foreach (var i in db.Incidents.Query(IncidentQuery.All with { Datasets = [Second] }))
            {
                var parts = i.SourceRecord!.RecordId.Split('-');
                if (parts[2] == "near")
                    proposals.Add(new LinkProposal(i.Id, Second, long.Parse(parts[1], Inv), Ucdp, LinkStatus.Linked, "generated near copy"));
            }
            var r = db.Links.Add(proposals, "bench");
            Console.WriteLine(string.Create(Inv, $"links written through the link port: {r.Linked:N0} linked in {watch.Elapsed.TotalSeconds:N1} s"));
        }
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static bool DatabaseExists(string server, string name)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", c);
        cmd.Parameters.AddWithValue("n", name);
        return cmd.ExecuteScalar() is not null;
    }

    private static string Recreate(string server, string name)
    {
        Execute(server, $"DROP DATABASE IF EXISTS {name}");
        Execute(server, $"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static void Execute(string server, string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }
}
