using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Application.Logging;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Merging;
using Vigil.Extraction.Review;
using Vigil.Storage;

namespace Vigil.Application.Review;

/// <summary>One merge carried out: the planned group, the incident it went into (created or existing) and the merge's id.</summary>
public sealed record AppliedMerge(PlannedMerge Planned, Incident Incident, long MergeId);

/// <summary>
/// Merging the review queue's pending report candidates, shared by <c>vigil merge</c> and the API: the plan (clusters
/// matched with stored incidents, by <see cref="QueueMerge"/>) and carrying it out — a group matching a stored incident
/// is merged into it (<see cref="ReviewDecisions.MergeIntoIncident"/>), a group of several matching none becomes one new
/// incident (median-of-reports figures), a single unmatched report or an ambiguous group is left for an analyst.
/// Each merge is its own transaction and recorded, so any one can be undone.
/// </summary>
public static class QueueMerges
{
    /// <summary>The plan for these pending report candidates (id, payload).</summary>
    public static (List<PlannedMerge> Plan, MatchCounts Counts) Plan(IVigilDatabase db, int windowDays, IEnumerable<(long Id, string Payload)> reports) =>
        QueueMerge.Plan(reports, new MergeRule { WindowDays = windowDays }, db.Incidents.InDistrict);

    /// <summary>The plan for every pending report candidate of the queue.</summary>
    public static (List<PlannedMerge> Plan, MatchCounts Counts) Plan(IVigilDatabase db, int windowDays) =>
        Plan(db, windowDays, db.Candidates.PendingPayloads("report"));

    /// <summary>Carries out the plan, one recorded merge at a time (each logged as event 2001).</summary>
    public static IEnumerable<AppliedMerge> Apply(IVigilDatabase db, IEnumerable<PlannedMerge> plan, string by, ILogger? log = null)
    {
        var queue = db.Candidates;
        foreach (var p in plan.Where(p => !p.LeftForReview))
        {
            var why = string.Join("; ", p.Entry.Cluster.Reasons.Append(p.Entry.Why));
            var (incident, mergeId) = p.Entry.Into is { } target
                ? queue.MergeInto(p.CandidateIds, target.Id, by, why, (cs, current) => ReviewDecisions.MergeIntoIncident(current, cs.Select(c => c.Payload)))
                : queue.AcceptCluster(p.CandidateIds, by, why, cs => ReviewDecisions.ClusterIncident(cs.Select(c => c.Payload)));
            VigilLog.MergeApplied(log ?? NullLogger.Instance, mergeId, string.Join(",", p.CandidateIds), p.Entry.Into is null ? "new" : "existing", incident.Id, by);
            yield return new AppliedMerge(p, incident, mergeId);
        }
    }

    /// <summary>Reverses one merge (logged as event 2002).</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No such merge, or it was undone already.</exception>
    public static void Undo(IVigilDatabase db, long mergeId, string by, ILogger? log = null)
    {
        db.Candidates.UndoMerge(mergeId, by);
        VigilLog.MergeUndone(log ?? NullLogger.Instance, mergeId, by);
    }
}
