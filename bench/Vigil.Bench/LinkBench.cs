using System.Diagnostics;
using System.Globalization;
using Vigil.Application.Compare;
using Vigil.Application.Links;
using Vigil.Domain.Incidents;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Storage;
using Vigil.Storage.Backends;

namespace Vigil.Bench;

/// <summary>
/// Linking benchmark (see BENCHMARKS.md): a generated dataset "bench-a" of A records linked against the N generated
/// UCDP-layout records ("ucdp-ged") of one SQLite database with <see cref="DatasetLinking"/> (blocking by district and
/// date window), against — in the same run, alternately — one full read of both datasets (store.Query over each).
/// Each "bench-a" record is a copy of a randomly drawn UCDP record (same district, actors and event type): 90% moved
/// 0–1 day with the killed figure off by at most one (most should link), 10% moved 40 days (none should). The origin
/// and the kind of copy are written into the record's source id, so the links can be checked against them.
/// </summary>
internal static class LinkBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(Options options, int aRows)
    {
        var csv = Path.Combine(options.Work, $"ucdp-{options.Rows}-seed{options.Seed}.csv");
        if (!File.Exists(csv))
        {
            var gen = Stopwatch.StartNew();
            UcdpGenerator.Write(options.Template, csv + ".partial", options.Rows, options.Seed);
            File.Move(csv + ".partial", csv, overwrite: true);
            Console.WriteLine(string.Create(Inv, $"generated {options.Rows:N0} UCDP-layout rows in {gen.Elapsed.TotalSeconds:N1} s"));
        }
        var path = Path.Combine(options.Work, $"vigil-links-{options.Rows}-{aRows}.db");
        if (!File.Exists(path))
            Seed(path, csv, aRows, options.Seed);
        using var db = DatabaseLocation.Parse("sqlite:" + path).Open(TimeProvider.System);
        Console.WriteLine(string.Create(Inv, $"database: {path}; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}"));

        var read = new List<double>();
        var link = new List<double>();
        DatasetLinkResult? last = null;
        for (var round = 1; round <= Math.Max(1, options.Rounds); round++)
        {
            var watch = Stopwatch.StartNew();
            long rows = 0;
            foreach (var dataset in new[] { "bench-a", "ucdp-ged" })
            {
                foreach (var _ in db.Incidents.Query(IncidentQuery.All with { Datasets = [dataset] }))
                    rows++;
            }
            read.Add(watch.Elapsed.TotalSeconds);

            db.Links.RemoveBetween("bench-a", "ucdp-ged");
            watch.Restart();
            last = new DatasetLinking(db, TimeProvider.System).Link(new DatasetLinkRequest("bench-a", "ucdp-ged", 1, "bench"));
            link.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(Inv,
                $"round {round}: full read of both ({rows:N0} records) {read[^1]:N2} s; link {link[^1]:N2} s; ratio {link[^1] / read[^1]:N2}"));
        }
        var r = last!;
        Console.WriteLine(string.Create(Inv,
            $"bench-a: {r.Compared:N0} compared, {r.Matched:N0} with one match, {r.AmbiguousRecords:N0} with several; stored {r.Linked:N0} linked, {r.Ambiguous:N0} ambiguous pairs"));
        Console.WriteLine(string.Create(Inv, $"median: full read {Median(read):N2} s, link {Median(link):N2} s, ratio {Median(link) / Median(read):N2}"));
        Correctness(db);

        // Where the time goes: the same matching without storing anything (vigil compare --events), with its work counts.
        var match = Stopwatch.StartNew();
        var cmp = new DatasetEventComparer(db.Incidents).Compare(new EventComparisonRequest(
            IncidentQuery.All with { Datasets = ["bench-a"] }, IncidentQuery.All with { Datasets = ["ucdp-ged"] }, 1));
        match.Stop();
        Console.WriteLine(string.Create(Inv,
            $"matching alone (no writes): {match.Elapsed.TotalSeconds:N2} s; {cmp.Counts.Blocks:N0} blocks (indexed reads of B), {cmp.Counts.IncidentsRead:N0} B records read, {cmp.Counts.Comparisons:N0} pairs compared"));
        Console.WriteLine(string.Create(Inv,
            $"storing the links (last round): about {link[^1] - match.Elapsed.TotalSeconds:N2} s for {r.Linked + r.Ambiguous:N0} rows"));
    }

    /// <summary>
    /// How the stored links compare with the truth the seed wrote into each bench-a record's source id
    /// ("n-origin-near" or "n-origin-far"): near copies linked to their origin, to another record, left ambiguous
    /// (with or without the origin among the candidates) or not linked; far copies linked (always wrongly: nothing
    /// else describes their event), ambiguous or not linked.
    /// </summary>
    private static void Correctness(IVigilDatabase db)
    {
        var truth = new Dictionary<long, (long Origin, bool Far, bool NoDistrict)>();
        foreach (var i in db.Incidents.Query(IncidentQuery.All with { Datasets = ["bench-a"] }))
        {
            var parts = i.SourceRecord!.RecordId.Split('-');
            truth[i.Id] = (long.Parse(parts[1], Inv), parts[2] == "far", i.Place.Admin2 is null);
        }
        var linked = new Dictionary<long, long>();
        var candidates = new Dictionary<long, List<long>>();
        foreach (var l in db.Links.List(new LinkQuery { Datasets = ["bench-a", "ucdp-ged"], Limit = int.MaxValue }).Links)
        {
            var (a, b) = truth.ContainsKey(l.IncidentA) ? (l.IncidentA, l.IncidentB) : (l.IncidentB, l.IncidentA);
            if (l.Status == LinkStatus.Linked)
                linked[a] = b;
            else if (l.Status == LinkStatus.Ambiguous)
                (candidates.TryGetValue(a, out var list) ? list : candidates[a] = []).Add(b);
        }
        int near = 0, nearOrigin = 0, nearOther = 0, nearAmbiguousWith = 0, nearAmbiguous = 0, nearNone = 0, nearNoDistrict = 0;
        int far = 0, farLinked = 0, farAmbiguous = 0, farNone = 0;
        foreach (var (id, (origin, isFar, noDistrict)) in truth)
        {
            var isLinked = linked.TryGetValue(id, out var to);
            var isAmbiguous = candidates.TryGetValue(id, out var list);
            if (isFar)
            {
                far++;
                if (isLinked)
                    farLinked++;
                else if (isAmbiguous)
                    farAmbiguous++;
                else
                    farNone++;
                continue;
            }
            near++;
            if (isLinked && to == origin)
                nearOrigin++;
            else if (isLinked)
                nearOther++;
            else if (isAmbiguous && list!.Contains(origin))
                nearAmbiguousWith++;
            else if (isAmbiguous)
                nearAmbiguous++;
            else if (noDistrict)
                nearNoDistrict++;
            else
                nearNone++;
        }
        string Pct(int x, int of) => of == 0 ? "-" : (100.0 * x / of).ToString("N1", Inv) + " %";
        Console.WriteLine(string.Create(Inv,
            $"near copies ({near:N0}): linked to their origin {nearOrigin:N0} ({Pct(nearOrigin, near)}), to another record {nearOther:N0} ({Pct(nearOther, near)}), " +
            $"ambiguous with the origin among the candidates {nearAmbiguousWith:N0} ({Pct(nearAmbiguousWith, near)}), ambiguous without it {nearAmbiguous:N0} ({Pct(nearAmbiguous, near)}), " +
            $"not linked {nearNone:N0} ({Pct(nearNone, near)}), not compared (no district) {nearNoDistrict:N0} ({Pct(nearNoDistrict, near)})"));
        Console.WriteLine(string.Create(Inv,
            $"far copies ({far:N0}): wrongly linked {farLinked:N0} ({Pct(farLinked, far)}), ambiguous {farAmbiguous:N0} ({Pct(farAmbiguous, far)}), not linked {farNone:N0} ({Pct(farNone, far)})"));
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static void Seed(string path, string csv, int aRows, int seed)
    {
        using var db = DatabaseLocation.Parse("sqlite:" + path + ".partial").Open(TimeProvider.System);
        var watch = Stopwatch.StartNew();
        new Importer(db.Incidents, IncidentNormalizer.Bundled()).Import(csv, new ImportOptions { Author = "bench" });
        Console.WriteLine(string.Create(Inv, $"imported {csv} in {watch.Elapsed.TotalSeconds:N1} s"));

        watch.Restart();
        var random = new Random(seed);
        var ids = db.Incidents.QueryIds(IncidentQuery.All);
        var chosen = new HashSet<long>();
        while (chosen.Count < Math.Min(aRows, ids.Count))
            chosen.Add(ids[random.Next(ids.Count)]);
        var picked = db.Incidents.Query(IncidentQuery.All with { Sort = IncidentSort.Id }).Where(i => chosen.Contains(i.Id)).ToList();
        using (var session = db.Incidents.BeginImport(new ImportRequest("bench-a", "generated", "vigil", "bench")))
        {
            var n = 0;
            foreach (var i in picked)
            {
                var far = random.Next(10) == 0;
                var shift = far ? 40 : random.Next(2);
                var killed = i.Killed.Best is { } k ? CasualtyCount.Exactly(Math.Max(0, k + random.Next(-1, 2))) : i.Killed;
                session.Upsert(i with
                {
                    Id = 0,
                    SourceRecord = new SourceRecordKey("bench-a", string.Create(Inv, $"{++n}-{i.Id}-{(far ? "far" : "near")}")),
                    Date = new IncidentDate(i.Date.Start.AddDays(shift), i.Date.End.AddDays(shift), i.Date.Precision),
                    Killed = killed,
                });
            }
            session.Commit(0, "generated");
        }
        db.Dispose();
        File.Move(path + ".partial", path);
        Console.WriteLine(string.Create(Inv, $"wrote {picked.Count:N0} bench-a records in {watch.Elapsed.TotalSeconds:N1} s"));
    }
}
