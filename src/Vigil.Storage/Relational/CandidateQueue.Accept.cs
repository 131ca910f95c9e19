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
        var candidate = PendingReport(tx, id);
        var incident = store.Create(tx, build(candidate), new ChangeContext(by, $"accepted from extraction candidate {id}"));
        MarkAccepted(tx, id, incident.Id, by);
        tx.Commit();
        return incident;
    }

    /// <summary>Accepts a pending report candidate into an existing incident: <paramref name="apply"/> gets the candidate and the incident and returns the updated incident.</summary>
    public Incident AcceptInto(long id, long incidentId, string by, Func<ExtractionCandidate, Incident, Incident> apply)
    {
        using var tx = store.Connection.BeginTransaction();
        var candidate = PendingReport(tx, id);
        var incident = store.Update(tx, incidentId, new ChangeContext(by, $"merged extraction candidate {id} into incident {incidentId}"), current => apply(candidate, current));
        MarkAccepted(tx, id, incidentId, by);
        tx.Commit();
        return incident;
    }

    /// <summary>
    /// Accepts several pending report candidates as ONE incident (built by <paramref name="build"/>) and records the
    /// merge in <c>incident_merges</c> (absorbed = the candidate ids, comma-separated); returns the incident and the merge id.
    /// </summary>
    public (Incident Incident, long MergeId) AcceptCluster(IReadOnlyList<long> ids, string by, string reason, Func<IReadOnlyList<ExtractionCandidate>, Incident> build)
    {
        if (ids.Count < 2 || ids.Distinct().Count() != ids.Count)
            throw new VigilException("a merge needs two or more distinct candidates");
        using var tx = store.Connection.BeginTransaction();
        var candidates = ids.Select(id => PendingReport(tx, id)).ToList();
        var absorbed = string.Join(",", ids.Select(i => i.ToString(Inv)));
        var incident = store.Create(tx, build(candidates), new ChangeContext(by, $"merged from extraction candidates {absorbed}: {reason}"));
        foreach (var id in ids)
            MarkAccepted(tx, id, incident.Id, by);
        using var cmd = store.Command(tx, """
            INSERT INTO incident_merges (into_incident, absorbed, reason, merged_at, merged_by) VALUES (@into, @abs, @why, @at, @by) RETURNING id
            """, "into", "abs", "why", "at", "by");
        cmd.Parameters["@into"].Value = incident.Id;
        cmd.Parameters["@abs"].Value = absorbed;
        cmd.Parameters["@why"].Value = reason;
        cmd.Parameters["@at"].Value = Now();
        cmd.Parameters["@by"].Value = by;
        var mergeId = Convert.ToInt64(cmd.ExecuteScalar(), Inv);
        tx.Commit();
        return (incident, mergeId);
    }

    /// <summary>Reverses a merge: its candidates go back to pending and the incident it created is deleted (soft, with a revision).</summary>
    public void UndoMerge(long mergeId, string by)
    {
        using var tx = store.Connection.BeginTransaction();
        long into;
        string absorbed;
        using (var cmd = store.Command(tx, "SELECT into_incident, absorbed FROM incident_merges WHERE id = @id AND undone_at IS NULL", "id"))
        {
            cmd.Parameters["@id"].Value = mergeId;
            using var r = cmd.ExecuteReader();
            if (!r.Read())
                throw new NotFoundException($"merge {mergeId} (or it was already undone)");
            (into, absorbed) = (r.GetInt64(0), r.GetString(1));
        }
        foreach (var part in absorbed.Split(','))
        {
            using var cmd = store.Command(tx, """
                UPDATE extraction_candidates SET status = @pending, incident_id = NULL, decided_at = NULL, decided_by = NULL
                WHERE id = @id AND incident_id = @into
                """, "pending", "id", "into");
            cmd.Parameters["@pending"].Value = EnumText<CandidateStatus>.Format(CandidateStatus.Pending);
            cmd.Parameters["@id"].Value = long.Parse(part, Inv);
            cmd.Parameters["@into"].Value = into;
            cmd.ExecuteNonQuery();
        }
        store.Delete(tx, into, new ChangeContext(by, $"merge {mergeId} undone"));
        using (var cmd = store.Command(tx, "UPDATE incident_merges SET undone_at = @at, undone_by = @by WHERE id = @id", "at", "by", "id"))
        {
            cmd.Parameters["@at"].Value = Now();
            cmd.Parameters["@by"].Value = by;
            cmd.Parameters["@id"].Value = mergeId;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private ExtractionCandidate PendingReport(DbTransaction tx, long id)
    {
        var c = Get(tx, id);
        if (c is not { Status: CandidateStatus.Pending })
            throw new NotFoundException($"pending candidate {id}");
        if (c.Kind != "report")
            throw new VigilException($"candidate {id} is a {c.Kind}, not a report; only report candidates become incidents");
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
