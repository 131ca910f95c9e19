using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;

namespace Vigil.Extraction.Merging;

/// <summary>A group of reports taken for one incident, with the reason each joined it.</summary>
public sealed record ReportCluster(int Id, IReadOnlyList<ExtractedReport> Reports, IReadOnlyList<string> Reasons)
{
    /// <summary>
    /// The incident's killed figure: each report's figure is kept (<see cref="Reports"/>); low is the smallest
    /// low, high the largest high (unknown if any report leaves it open), best the median of the reports' best
    /// values (the lower median for an even count) — one outlying early or inflated report does not move it.
    /// </summary>
    public CasualtyCount Killed => Reconcile(Reports.Select(r => r.Killed));

    public CasualtyCount Injured => Reconcile(Reports.Select(r => r.Injured));

    private static CasualtyCount Reconcile(IEnumerable<Numbers.CasualtyMention?> figures)
    {
        var known = figures.Where(f => f?.Best is not null).Select(f => f!).ToList();
        if (known.Count == 0)
            return CasualtyCount.Unknown;
        var bests = known.Select(f => f.Best!.Value).Order().ToList();
        var best = bests[(bests.Count - 1) / 2];
        long? low = known.All(f => f.Low is not null) ? known.Min(f => f.Low!.Value) : null;
        long? high = known.All(f => f.High is not null) ? known.Max(f => f.High!.Value) : null;
        static int? I(long? v) => v is null ? null : (int)Math.Min(v.Value, int.MaxValue);
        return new CasualtyCount(I(low), I(best), I(high), string.Join(" | ", known.Select(f => f.Phrase)), "merge:median-of-reports");
    }
}

/// <summary>
/// Clusters reports into incidents without comparing all pairs: reports are blocked by district and sorted by
/// date, and each report is compared only with clusters of its block that have a report within the date window.
/// A report joins the first such cluster whose every member it matches (no chaining of near misses), else it
/// starts a new one. Reports without a district or date stay on their own.
/// </summary>
public sealed class ReportMerger(MergeRule rule)
{
    public MergeRule Rule { get; } = rule;

    public List<ReportCluster> Cluster(IEnumerable<ExtractedReport> reports)
    {
        var clusters = new List<(List<ExtractedReport> Members, List<string> Reasons)>();
        var blocks = reports.GroupBy(r => (r.Place?.Place.Admin2 is { } d && MergeRule.Day(r) is not null) ? d.ToUpperInvariant() : null);
        foreach (var block in blocks)
        {
            if (block.Key is null)
            {
                clusters.AddRange(block.Select(r => (new List<ExtractedReport> { r }, new List<string> { "no district or date: not compared" })));
                continue;
            }
            var open = new List<(List<ExtractedReport> Members, List<string> Reasons, DateOnly Last)>();
            foreach (var report in block.OrderBy(r => MergeRule.Day(r)))
            {
                var day = MergeRule.Day(report)!.Value;
                open.RemoveAll(c =>
                {
                    var expired = day.DayNumber - c.Last.DayNumber > Rule.WindowDays;
                    if (expired)
                        clusters.Add((c.Members, c.Reasons));
                    return expired;
                });
                var joined = false;
                for (var k = 0; k < open.Count && !joined; k++)
                {
                    var checks = open[k].Members.Select(m => Rule.Compare(m, report)).ToList();
                    if (checks.All(c => c.Same))
                    {
                        open[k].Members.Add(report);
                        open[k].Reasons.Add($"{report.ArticleId}: {checks[0].Why}");
                        open[k] = (open[k].Members, open[k].Reasons, day);
                        joined = true;
                    }
                }
                if (!joined)
                    open.Add(([report], [$"{report.ArticleId}: first report"], day));
            }
            clusters.AddRange(open.Select(c => (c.Members, c.Reasons)));
        }
        return [.. clusters.Select((c, i) => new ReportCluster(i + 1, c.Members, c.Reasons))];
    }
}
