using System.Data.Common;
using System.Text.Json;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// Merges of report candidates into incidents that already exist (imported from a dataset or accepted earlier), and
/// undoing any merge. A merge row (<c>incident_merges</c>) names the incident, the candidates it absorbed, why, and —
/// for a merge into an existing incident — the incident's revision before and after, so undoing it can restore
/// exactly what the merge changed.
/// </summary>
public sealed partial class CandidateQueue
{
    /// <summary>
    /// Accepts pending report candidates into an existing incident in one transaction: <paramref name="apply"/> gets
    /// the candidates and the current incident and returns it updated (sources added, figures reconciled); the
    /// candidates are marked accepted with the incident; the merge is recorded. Returns the incident and the merge id.
    /// </summary>
    public (Incident Incident, long MergeId) MergeInto(IReadOnlyList<long> ids, long incidentId, string by, string reason,
        Func<IReadOnlyList<ExtractionCandidate>, Incident, Incident> apply)
    {
        if (ids.Count < 1 || ids.Distinct().Count() != ids.Count)
            throw new VigilException("a merge needs one or more distinct candidates");
        using var tx = store.Connection.BeginTransaction();
        var candidates = ids.Select(id => PendingReport(tx, id, by)).ToList();
        var prior = store.ReadRow(tx, incidentId) is { DeletedAt: null } row ? row.Revision : throw new NotFoundException($"incident {incidentId}");
        var absorbed = string.Join(",", ids.Select(i => i.ToString(Inv)));
        var incident = store.Update(tx, incidentId, new ChangeContext(by, $"merged extraction candidate{(ids.Count > 1 ? "s" : "")} {absorbed} into incident {incidentId.ToString(Inv)}: {reason}"), current => apply(candidates, current));
        foreach (var id in ids)
            MarkAccepted(tx, id, incidentId, by);
        var mergeId = RecordMerge(tx, incidentId, absorbed, reason, by, prior, incident.Revision);
        tx.Commit();
        return (incident, mergeId);
    }

    /// <summary>
    /// Reverses a merge in one transaction: its candidates go back to pending; an incident the merge created is
    /// deleted (soft, with a revision); an existing incident the merge changed gets every changed field back as it
    /// was (a new revision) — refused when the incident was changed again after the merge.
    /// </summary>
    public void UndoMerge(long mergeId, string by)
    {
        using var tx = store.Connection.BeginTransaction();
        long into;
        string absorbed;
        int? prior, merged;
        using (var cmd = store.Command(tx, "SELECT into_incident, absorbed, prior_revision, merged_revision FROM incident_merges WHERE id = @id AND undone_at IS NULL", "id"))
        {
            cmd.Parameters["@id"].Value = mergeId;
            using var r = cmd.ExecuteReader();
            if (!r.Read())
                throw new NotFoundException($"merge {mergeId} (or it was already undone)");
            (into, absorbed) = (r.GetInt64(0), r.GetString(1));
            prior = r.IsDBNull(2) ? null : r.GetInt32(2);
            merged = r.IsDBNull(3) ? null : r.GetInt32(3);
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
        var context = new ChangeContext(by, $"merge {mergeId} undone");
        if (prior is null)
            store.Delete(tx, into, context);
        else
            Restore(tx, into, prior.Value, merged!.Value, context, mergeId);
        using (var cmd = store.Command(tx, "UPDATE incident_merges SET undone_at = @at, undone_by = @by WHERE id = @id", "at", "by", "id"))
        {
            cmd.Parameters["@at"].Value = Now();
            cmd.Parameters["@by"].Value = by;
            cmd.Parameters["@id"].Value = mergeId;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Recorded merges, newest first (undone ones too, marked).</summary>
    public IReadOnlyList<MergeRow> Merges(int limit)
    {
        using var cmd = store.Command(null, """
            SELECT id, into_incident, absorbed, reason, merged_at, merged_by, prior_revision, undone_at, undone_by
            FROM incident_merges ORDER BY id DESC LIMIT @limit
            """, "limit");
        cmd.Parameters["@limit"].Value = limit;
        using var r = cmd.ExecuteReader();
        var list = new List<MergeRow>();
        while (r.Read())
        {
            list.Add(new MergeRow(r.GetInt64(0), r.GetInt64(1), [.. r.GetString(2).Split(',').Select(p => long.Parse(p, Inv))], r.GetString(3),
                r.GetString(4), r.GetString(5), !r.IsDBNull(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
        }
        return list;
    }

    /// <summary>Every pending candidate of one kind as (id, payload), read in pages of 1,000 and returned whole (so no reader stays open).</summary>
    public List<(long Id, string Payload)> PendingPayloads(string kind)
    {
        var list = new List<(long, string)>();
        for (long after = 0; ;)
        {
            var page = List(CandidateStatus.Pending, 1000, after);
            if (page.Count == 0)
                return list;
            list.AddRange(page.Where(c => c.Kind == kind).Select(c => (c.Id, c.Payload)));
            after = page[^1].Id;
        }
    }

    /// <summary>The candidates accepted into an incident: the reports behind it, each with its own figures in its payload.</summary>
    public IReadOnlyList<ExtractionCandidate> ReportsBehind(long incidentId)
    {
        using var cmd = store.Command(null, $"SELECT {Columns} FROM extraction_candidates WHERE incident_id = @id AND status = @accepted ORDER BY id", "id", "accepted");
        cmd.Parameters["@id"].Value = incidentId;
        cmd.Parameters["@accepted"].Value = EnumText<CandidateStatus>.Format(CandidateStatus.Accepted);
        using var r = cmd.ExecuteReader();
        var list = new List<ExtractionCandidate>();
        while (r.Read())
            list.Add(ReadRow(r));
        return list;
    }

    private void Restore(DbTransaction tx, long incidentId, int prior, int merged, ChangeContext context, long mergeId)
    {
        var current = store.ReadRow(tx, incidentId) ?? throw new NotFoundException($"incident {incidentId}");
        if (current.Revision != merged)
        {
            throw new VigilException(
                $"incident {incidentId} was changed after merge {mergeId} (revision {current.Revision}, the merge left it at {merged}); undo those changes first");
        }
        if (merged == prior)
            return;
        IReadOnlyList<FieldChange> changes;
        using (var cmd = store.Command(tx, "SELECT changes FROM revisions WHERE incident_id = @id AND number = @n", "id", "n"))
        {
            cmd.Parameters["@id"].Value = incidentId;
            cmd.Parameters["@n"].Value = merged;
            var json = cmd.ExecuteScalar() as string ?? throw new VigilException($"incident {incidentId} has no revision {merged}");
            changes = JsonSerializer.Deserialize<FieldChange[]>(json, RevisionJson.Options) ?? [];
        }
        store.Update(tx, incidentId, context, now => IncidentFields.Revert(now, changes));
    }

    private long RecordMerge(DbTransaction tx, long into, string absorbed, string reason, string by, int? prior, int? merged)
    {
        using var cmd = store.Command(tx, """
            INSERT INTO incident_merges (into_incident, absorbed, reason, merged_at, merged_by, prior_revision, merged_revision)
            VALUES (@into, @abs, @why, @at, @by, @prior, @merged) RETURNING id
            """, "into", "abs", "why", "at", "by", "prior", "merged");
        cmd.Parameters["@into"].Value = into;
        cmd.Parameters["@abs"].Value = absorbed;
        cmd.Parameters["@why"].Value = reason;
        cmd.Parameters["@at"].Value = Now();
        cmd.Parameters["@by"].Value = by;
        cmd.Parameters["@prior"].Value = (object?)prior ?? DBNull.Value;
        cmd.Parameters["@merged"].Value = (object?)merged ?? DBNull.Value;
        return Convert.ToInt64(cmd.ExecuteScalar(), Inv);
    }
}
