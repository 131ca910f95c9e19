using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Merging;

namespace Vigil.Extraction.Review;

/// <summary>What merging would do with one group of pending report candidates (<see cref="MergePlanEntry.Outcome"/>).</summary>
public sealed record PlannedMerge(IReadOnlyList<long> CandidateIds, MergePlanEntry Entry)
{
    /// <summary>Nothing to merge automatically: one report matching nothing stored, or an ambiguous group; it waits for an analyst.</summary>
    public bool LeftForReview => Entry.Outcome is MergeOutcome.LeftForReview or MergeOutcome.Ambiguous;
}

/// <summary>
/// Plans merges for the review queue: the pending report candidates are clustered with each other
/// (<see cref="ReportMerger"/>) and each cluster is matched with the stored incidents (<see cref="IncidentMatcher"/>),
/// both blocked by district and date window, so nothing is compared all-pairs.
/// </summary>
public static class QueueMerge
{
    public static (List<PlannedMerge> Plan, MatchCounts Counts) Plan(
        IEnumerable<(long Id, string Payload)> pendingReports, MergeRule rule, Func<string, DateOnly, DateOnly, IEnumerable<Incident>> incidentsIn)
    {
        var candidateOf = new Dictionary<ExtractedReport, long>(ReferenceEqualityComparer.Instance);
        foreach (var (id, payload) in pendingReports)
            candidateOf[ReportIncident.ReadPayload(payload)] = id;
        var clusters = new ReportMerger(rule).Cluster(candidateOf.Keys);
        var (entries, counts) = new IncidentMatcher(rule).Match(clusters, incidentsIn);
        return ([.. entries.Select(e => new PlannedMerge([.. e.Cluster.Reports.Select(r => candidateOf[r])], e))], counts);
    }
}
