using System.Diagnostics;
using Vigil.Application.Figures;
using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Incidents;
using Vigil.Domain.Time;
using Vigil.Storage;
using Vigil.Storage.Backends;

namespace Vigil.Bench;

/// <summary>
/// A monthly series as of a past moment against the current series (see BENCHMARKS.md). A copy of the imported
/// database gets <c>revisions</c> later changes (a later release: a random incident's killed figure changed, one in ten
/// also moved to another province, one in twenty deleted), all after the moment T. Then, in alternation for each round:
/// the whole-history monthly series of the default scope now, and the same series as of T (opening the database as of T —
/// which rebuilds every changed incident — and the series), and the series again on that open database.
/// </summary>
internal static class AsOfBench
{
    public static void Run(string database, int revisions, int rounds, int seed)
    {
        var copy = database + $".asof-{revisions}.db";
        var location = DatabaseLocation.Parse(copy);
        DateTimeOffset moment;
        if (!File.Exists(copy))
        {
            File.Copy(database, copy + ".partial", overwrite: true);
            File.Move(copy + ".partial", copy);
            var watch = Stopwatch.StartNew();
            using var db = location.Open();
            Thread.Sleep(10);
            Change(db, revisions, seed);
            Console.WriteLine($"  {revisions:N0} later revisions written in {watch.Elapsed.TotalSeconds:N1} s");
        }
        // T: the end of the first import; every later change came after it.
        using (var db = location.Open())
            moment = db.Incidents.GetImports()[0].FinishedAt!.Value;

        var reference = ReferenceData.Bundled;
        using (var db = location.Open())
        {
            var info = db.Incidents.GetInfo();
            Console.WriteLine($"store: {copy} ({info.Incidents:N0} live, {info.DeletedIncidents:N0} deleted, {info.Revisions:N0} revisions in all); as of {Moment.Label(moment)}");
        }
        var request = new SeriesFiguresRequest(new ScopeInput(), PeriodUnit.Month);
        string Digest(IVigilDatabase db) => string.Join(";", new SeriesFigures(db, reference).Run(request).Series.Totals().Select(p => $"{p.Period}:{p.Figures.Incidents}:{p.Figures.KilledBest}"));

        var now = new List<double>();
        var cold = new List<double>();
        var warm = new List<double>();
        string? nowDigest = null, pastDigest = null;
        for (var round = 0; round < rounds; round++)
        {
            var w = Stopwatch.StartNew();
            using (var db = location.Open())
                nowDigest = Digest(db);
            now.Add(w.Elapsed.TotalMilliseconds);

            w.Restart();
            using var past = location.OpenAsOf(moment);
            pastDigest = Digest(past);
            cold.Add(w.Elapsed.TotalMilliseconds);

            w.Restart();
            Digest(past);
            warm.Add(w.Elapsed.TotalMilliseconds);
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine($"current monthly series (open + series):          median {Median(now),8:N0} ms over {rounds} rounds");
        Console.WriteLine($"as of T: open as of T (rebuild) + series:       median {Median(cold),8:N0} ms  ratio {Median(cold) / Median(now):N2}");
        Console.WriteLine($"as of T: series again on the open database:     median {Median(warm),8:N0} ms  ratio {Median(warm) / Median(now):N2}");
        Console.WriteLine($"the series differ now and as of T: {nowDigest != pastDigest}");
    }

    /// <summary>Later changes in one import session (one transaction), as a new release of the dataset brings them.</summary>
    private static void Change(IVigilDatabase db, int revisions, int seed)
    {
        var random = new Random(seed);
        var ids = db.Incidents.QueryIds(IncidentQuery.All);
        var chosen = new HashSet<long>();
        while (chosen.Count < Math.Min(revisions, ids.Count))
            chosen.Add(ids[random.Next(ids.Count)]);
        var provinces = new[] { "Punjab", "Sindh", "Balochistan", "Khyber Pakhtunkhwa" };
        var deletions = new List<Incident>();
        // With their sources: a later release changes figures and places, not the citations.
        var later = db.Incidents.Query(IncidentQuery.All with { Sort = IncidentSort.Id }, includeSources: true).Where(i => chosen.Contains(i.Id)).ToList();
        using (var session = db.Incidents.BeginImport(new ImportRequest("ucdp-ged", "later-release.csv", "ucdp", "bench")))
        {
            foreach (var incident in later)
            {
                if (random.Next(20) == 0)
                {
                    deletions.Add(incident);
                    continue;
                }
                var changed = incident with { Killed = CasualtyCount.Exactly((incident.Killed.Best ?? 0) + 1 + random.Next(5)) };
                if (random.Next(10) == 0)
                    changed = changed with { Place = changed.Place with { Admin1 = provinces[random.Next(provinces.Length)] } };
                session.Upsert(changed);
            }
            session.Commit(0, "bench");
        }
        foreach (var incident in deletions)
            db.Incidents.Delete(incident.Id, db.Incidents.Find(incident.Id)!.Revision, new Domain.Revisions.ChangeContext("bench", "later"));
    }
}
