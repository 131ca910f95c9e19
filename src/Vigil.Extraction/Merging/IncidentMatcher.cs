using System.Globalization;
using Vigil.Domain.Incidents;

namespace Vigil.Extraction.Merging;

/// <summary>What merging does with a cluster of reports.</summary>
public enum MergeOutcome
{
    /// <summary>Into the stored incident it matched.</summary>
    IntoExisting,
    /// <summary>Several reports matching no stored incident: one new incident.</summary>
    NewIncident,
    /// <summary>Several stored incidents matched equally well: an analyst has to choose.</summary>
    Ambiguous,
    /// <summary>One report matching nothing stored: it waits for an analyst.</summary>
    LeftForReview,
}

/// <summary>Where a cluster of reports goes: into an existing incident, or a new one; with the reason, and the other incidents that matched as well.</summary>
public sealed record MergePlanEntry(ReportCluster Cluster, Incident? Into, string Why, IReadOnlyList<long> AlsoMatched)
{
    /// <summary>More than one stored incident matched equally well: an analyst has to choose, nothing is merged automatically.</summary>
    public bool Ambiguous => Into is null && AlsoMatched.Count > 1;

    public MergeOutcome Outcome => Into is not null ? MergeOutcome.IntoExisting
        : Ambiguous ? MergeOutcome.Ambiguous
        : Cluster.Reports.Count > 1 ? MergeOutcome.NewIncident
        : MergeOutcome.LeftForReview;
}

/// <summary>A stored record of one dataset and the record of another dataset that reports the same event, if any.</summary>
public sealed record RecordMatch(Incident Record, Incident? Match, string Why, IReadOnlyList<long> AlsoMatched)
{
    public bool Ambiguous => Match is null && AlsoMatched.Count > 1;
}

/// <summary>How much work a match took: the store queries (one per block) and the pairs compared.</summary>
public sealed record MatchCounts(int Blocks, int IncidentsRead, long Comparisons);

/// <summary>
/// Matches clusters of extracted reports — or the records of one dataset — with incidents already stored, with the
/// same blocking as <see cref="ReportMerger"/>: the groups are taken by district and, within a district, into runs
/// of dates no more than two windows apart; each run reads the stored incidents of that district and date span once
/// (the <c>incidentsIn</c> callback: district, first and last start date), and a group is compared only with the
/// incidents of its run within its date window. A group matches an incident when every one of its members does (no
/// chaining). Of several matches the nearest in date wins, then the closest killed figure; a tie leaves the group
/// unmatched and marked ambiguous. Stored incidents dated only to a span longer than <see cref="MaxStoredSpanDays"/>
/// ("some day in March") are never matched: they would match every report.
/// </summary>
public sealed class IncidentMatcher(MergeRule rule)
{
    public const int MaxStoredSpanDays = 7;

    public MergeRule Rule { get; } = rule;

    public (List<MergePlanEntry> Plan, MatchCounts Counts) Match(
        IReadOnlyList<ReportCluster> clusters, Func<string, DateOnly, DateOnly, IEnumerable<Incident>> incidentsIn)
    {
        var (results, counts) = MatchGroups([.. clusters.Select(c => c.Reports.Select(MergeFacts.Of).ToList())], [.. clusters.Select(c => c.Killed.Best)],
            incidentsIn, null);
        return ([.. results.Select((r, i) => new MergePlanEntry(clusters[i], r.Into, r.Why, r.Others))], counts);
    }

    /// <summary>
    /// Matches each record of one dataset with the records of another (<paramref name="recordsIn"/> returns the other
    /// dataset's records of a district and start-date span): an event-level comparison of two datasets. A record is
    /// never matched with itself.
    /// </summary>
    public (List<RecordMatch> Matches, MatchCounts Counts) MatchRecords(
        IReadOnlyList<Incident> records, Func<string, DateOnly, DateOnly, IEnumerable<Incident>> recordsIn)
    {
        var (results, counts) = MatchGroups([.. records.Select(r => new List<MergeFacts> { MergeFacts.Of(r) })], [.. records.Select(r => r.Killed.Best)],
            recordsIn, [.. records.Select(r => r.Id)]);
        return ([.. results.Select((r, i) => new RecordMatch(records[i], r.Into, r.Why, r.Others))], counts);
    }

    private (List<(Incident? Into, string Why, List<long> Others)> Results, MatchCounts Counts) MatchGroups(
        List<List<MergeFacts>> facts, List<int?> killed, Func<string, DateOnly, DateOnly, IEnumerable<Incident>> incidentsIn, List<long>? selfIds)
    {
        var results = new (Incident? Into, string Why, List<long> Others)?[facts.Count];
        int blocks = 0, read = 0;
        long comparisons = 0;
        var dated = Enumerable.Range(0, facts.Count)
            .Where(i => facts[i].All(f => f.District is not null && f.From is not null && f.To!.Value.DayNumber - f.From.Value.DayNumber <= MaxStoredSpanDays))
            .GroupBy(i => facts[i][0].District!.ToUpperInvariant());
        foreach (var district in dated)
        {
            foreach (var run in Runs(district.OrderBy(i => Earliest(facts[i])), facts))
            {
                blocks++;
                var from = Earliest(facts[run[0]]).AddDays(-Rule.WindowDays);
                var to = run.Max(i => Latest(facts[i])).AddDays(Rule.WindowDays);
                var stored = incidentsIn(facts[run[0]][0].District!, from.AddDays(-MaxStoredSpanDays), to)
                    .Select(i => (Incident: i, Facts: MergeFacts.Of(i)))
                    .Where(s => s.Facts.To!.Value.DayNumber - s.Facts.From!.Value.DayNumber <= MaxStoredSpanDays).ToList();
                read += stored.Count;
                foreach (var i in run)
                {
                    var matches = new List<(Incident Incident, int Apart, long KilledGap, string Why)>();
                    foreach (var (incident, f) in stored)
                    {
                        if ((selfIds is not null && selfIds[i] == incident.Id) || facts[i].Any(r => r.DaysApart(f) is not { } d || d > Rule.WindowDays))
                            continue;
                        var checks = facts[i].Select(r => Rule.Compare(r, f)).ToList();
                        comparisons += checks.Count;
                        if (checks.All(c => c.Same))
                            matches.Add((incident, facts[i].Min(r => r.DaysApart(f)!.Value), KilledGap(killed[i], f), checks[0].Why));
                    }
                    results[i] = Choose(matches);
                }
            }
        }
        return ([.. results.Select(r => r ?? (null, "no district or day (dated to more than a week): not compared", []))], new MatchCounts(blocks, read, comparisons));
    }

    private static (Incident? Into, string Why, List<long> Others) Choose(List<(Incident Incident, int Apart, long KilledGap, string Why)> matches)
    {
        if (matches.Count == 0)
            return (null, "no stored incident matches", []);
        var ranked = matches.OrderBy(m => m.Apart).ThenBy(m => m.KilledGap).ThenBy(m => m.Incident.Id).ToList();
        var others = ranked.Select(m => m.Incident.Id).ToList();
        if (ranked.Count > 1 && ranked[1].Apart == ranked[0].Apart && ranked[1].KilledGap == ranked[0].KilledGap)
        {
            var tied = ranked.TakeWhile(m => m.Apart == ranked[0].Apart && m.KilledGap == ranked[0].KilledGap).Select(m => m.Incident.Id);
            return (null, $"ambiguous: incidents {string.Join(", ", tied.Select(t => t.ToString(CultureInfo.InvariantCulture)))} match equally well", others);
        }
        var best = ranked[0];
        return (best.Incident, $"incident {best.Incident.Id.ToString(CultureInfo.InvariantCulture)}: {best.Why}", others);
    }

    private static long KilledGap(int? killed, MergeFacts stored) =>
        killed is { } k && stored.Killed?.Best is { } s ? Math.Abs(k - s) : long.MaxValue / 2;

    private static DateOnly Earliest(List<MergeFacts> f) => f.Min(x => x.From!.Value);

    private static DateOnly Latest(List<MergeFacts> f) => f.Max(x => x.To!.Value);

    /// <summary>Consecutive groups (by date) whose dates are at most two windows apart share one store read.</summary>
    private IEnumerable<List<int>> Runs(IEnumerable<int> ordered, List<List<MergeFacts>> facts)
    {
        var run = new List<int>();
        DateOnly last = default;
        foreach (var i in ordered)
        {
            if (run.Count > 0 && Earliest(facts[i]).DayNumber - last.DayNumber > 2 * Rule.WindowDays)
            {
                yield return run;
                run = [];
            }
            run.Add(i);
            last = run.Count == 1 ? Latest(facts[i]) : (Latest(facts[i]) > last ? Latest(facts[i]) : last);
        }
        if (run.Count > 0)
            yield return run;
    }
}
