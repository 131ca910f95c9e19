using System.Data.Common;
using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// Accepting report candidates: each decision creates or updates incidents and marks the candidates accepted in ONE
/// transaction of the store, so an incident never exists without its accepted candidate nor the reverse. The
/// caller turns payloads into incidents (the storage layer does not know the extraction format).
/// </summary>
public sealed partial class CandidateQueue
{
    /// <summary>Creates an incident from a pending report candidate (built by <paramref name="build"/>) and marks the candidate accepted with it.</summary>
    public Incident Accept(long id, string by, Func<ExtractionCandidate, Incident> build)
    {
        using var tx = store.Connection.BeginTransaction();
        var candidate = PendingReport(tx, id, by);
        var incident = store.Create(tx, build(candidate), new ChangeContext(by, $"accepted from extraction candidate {id}"));
        MarkAccepted(tx, id, incident.Id, by);
        tx.Commit();
        return incident;
    }

    /// <summary>
    /// Accepts a pending report candidate into an existing incident: <paramref name="apply"/> gets the candidate and
    /// the incident and returns the updated incident. Recorded as a merge (see <see cref="MergeInto"/>), so it can be undone.
    /// </summary>
    public Incident AcceptInto(long id, long incidentId, string by, Func<ExtractionCandidate, Incident, Incident> apply) =>
        MergeInto([id], incidentId, by, "chosen by the analyst",
            (cs, current) => apply(cs[0], current)).Incident;

    /// <summary>
    /// Accepts several pending report candidates as ONE incident (built by <paramref name="build"/>) and records the
    /// merge in <c>incident_merges</c> (absorbed = the candidate ids, comma-separated); returns the incident and the merge id.
    /// </summary>
    public (Incident Incident, long MergeId) AcceptCluster(IReadOnlyList<long> ids, string by, string reason, Func<IReadOnlyList<ExtractionCandidate>, Incident> build)
    {
        if (ids.Count < 2 || ids.Distinct().Count() != ids.Count)
            throw new VigilException("a merge needs two or more distinct candidates");
        using var tx = store.Connection.BeginTransaction();
        var candidates = ids.Select(id => PendingReport(tx, id, by)).ToList();
        var absorbed = string.Join(",", ids.Select(i => i.ToString(Inv)));
        var incident = store.Create(tx, build(candidates), new ChangeContext(by, $"merged from extraction candidates {absorbed}: {reason}"));
        foreach (var id in ids)
            MarkAccepted(tx, id, incident.Id, by);
        var mergeId = RecordMerge(tx, incident.Id, absorbed, reason, by, null, null);
        tx.Commit();
        return (incident, mergeId);
    }

    /// <summary>A pending report candidate about to be accepted; its outlet is registered as a source if the registry does not know it.</summary>
    private ExtractionCandidate PendingReport(DbTransaction tx, long id, string by)
    {
        var c = Get(tx, id);
        if (c is not { Status: CandidateStatus.Pending })
            throw new NotFoundException($"pending candidate {id}");
        if (c.Kind != "report")
            throw new VigilException($"candidate {id} is a {c.Kind}, not a report; only report candidates become incidents");
        new RelationalSourceRegistry(store).RegisterOutlet(tx, c.Source, by, $"its report was accepted from extraction candidate {id}");
        return c;
    }

    private void MarkAccepted(DbTransaction tx, long id, long incidentId, string by)
    {
        using var cmd = store.Command(tx, """
            UPDATE extraction_candidates SET status = @s, incident_id = @inc, decided_at = @at, decided_by = @by WHERE id = @id AND status = @pending
            """, "s", "inc", "at", "by", "id", "pending");
        cmd.Parameters["@s"].Value = EnumText<CandidateStatus>.Format(CandidateStatus.Accepted);
        cmd.Parameters["@inc"].Value = incidentId;
        cmd.Parameters["@at"].Value = Now();
        cmd.Parameters["@by"].Value = by;
        cmd.Parameters["@id"].Value = id;
        cmd.Parameters["@pending"].Value = EnumText<CandidateStatus>.Format(CandidateStatus.Pending);
        if (cmd.ExecuteNonQuery() == 0)
            throw new NotFoundException($"pending candidate {id}");
    }

    private string Now() => store.Clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
