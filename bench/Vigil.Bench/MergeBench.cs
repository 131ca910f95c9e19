using System.Diagnostics;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Merging;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Bench;

/// <summary>
/// Matching extracted reports with stored incidents (see BENCHMARKS.md): K synthetic news reports, each written
/// from a randomly drawn stored incident (same district, a date 0–1 day later, a killed figure off by at most one,
/// no event type, the group named as news names it: the incident's side B when it has one), are clustered and matched against the whole store with blocking. Reported: the time, the
/// stored incidents read and pairs compared against the K × N of an all-pairs comparison, how many reports found the
/// incident they were written from, and — as the baseline measured in the same run — the time to read every stored
/// incident once (what any matcher that does not block would at least pay).
/// </summary>
internal static class MergeBench
{
    public static void Run(string database, int reports, int seed)
    {
        using var store = SqliteIncidentStore.Open(database);
        var random = new Random(seed);
        var ids = store.QueryIds(IncidentQuery.All);
        Console.WriteLine($"store: {database} ({ids.Count:N0} incidents); {reports:N0} reports; machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var scan = Stopwatch.StartNew();
        long all = 0;
        foreach (var _ in store.Query(IncidentQuery.All))
            all++;
        scan.Stop();

        var truth = new Dictionary<string, long>(StringComparer.Ordinal);
        var written = new List<ExtractedReport>();
        while (written.Count < reports)
        {
            var incident = store.Find(ids[random.Next(ids.Count)]);
            if (incident is not { Place.Admin2: { } district, Date.Precision: DatePrecision.Day } || incident.Killed.Best is not { } killed)
                continue;
            var id = $"r{written.Count}";
            truth[id] = incident.Id;
            var day = incident.Date.Start.AddDays(random.Next(2));
            var figure = Math.Max(0, killed + random.Next(-1, 2));
            written.Add(new ExtractedReport
            {
                ArticleId = id,
                Published = day.AddDays(1),
                Date = new Spanned<IncidentDate>(IncidentDate.OnDay(day), 0, 1, "on Monday"),
                Place = new PlaceMention(new Place { Admin2 = district }, false, 0, 1, district, 0, "district"),
                Perpetrator = (incident.Target ?? incident.Perpetrator) is { Name: { } group }
                    ? new Spanned<Perpetrator>(new Perpetrator(new ActorRef(group, group), null, null), 0, 1, group) : null,
                Killed = new CasualtyMention(CasualtyKind.Killed, figure, figure, figure, $"{figure} killed", "digits", 0, 1, false, []),
            });
        }

        var watch = Stopwatch.StartNew();
        var rule = new MergeRule();
        var clusters = new ReportMerger(rule).Cluster(written);
        var (plan, counts) = new IncidentMatcher(rule).Match(clusters, store.InDistrict);
        watch.Stop();

        int found = 0, other = 0, ambiguous = 0, none = 0;
        foreach (var entry in plan)
        {
            foreach (var r in entry.Cluster.Reports)
            {
                if (entry.Into?.Id == truth[r.ArticleId])
                    found++;
                else if (entry.Into is not null)
                    other++;
                else if (entry.Ambiguous)
                    ambiguous++;
                else
                    none++;
            }
        }
        var allPairs = (double)reports * all;
        Console.WriteLine($"read every stored incident once (baseline): {scan.Elapsed.TotalSeconds:N2} s for {all:N0} incidents");
        Console.WriteLine($"cluster + match with blocking: {watch.Elapsed.TotalSeconds:N2} s; {clusters.Count:N0} clusters, {counts.Blocks:N0} blocks, " +
            $"{counts.IncidentsRead:N0} stored incidents read, {counts.Comparisons:N0} pairs compared (all-pairs: {allPairs:N0}, {allPairs / Math.Max(1, counts.Comparisons):N0}× more)");
        Console.WriteLine($"ratio match / full read: {watch.Elapsed.TotalSeconds / scan.Elapsed.TotalSeconds:N3}");
        Console.WriteLine($"reports matched to the incident they were written from: {found:N0} ({100.0 * found / reports:N1}%); " +
            $"to another incident: {other:N0}; ambiguous (left for review): {ambiguous:N0}; unmatched: {none:N0}");
    }
}
