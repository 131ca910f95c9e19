using System.Data.Common;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// Accepting candidates that are not reports (engagements, commitments, border events, claims): the caller's
/// write and the marking of the candidate happen in ONE transaction, so nothing is written without its accepted
/// candidate nor the reverse, and a refused write leaves the candidate pending.
/// </summary>
public sealed partial class CandidateQueue
{
    /// <summary>
    /// Accepts a pending candidate other than a report: <paramref name="write"/> stores what it becomes inside the
    /// transaction and returns that as text ("engagement:KEY", "commitment:KEY", "status-event:SEQUENCE",
    /// "claim:ID"), recorded in <c>accepted_as</c>. Raises the data version; returns the candidate as accepted.
    /// </summary>
    public ExtractionCandidate AcceptAs(long id, string by, Func<IStoreTransaction, ExtractionCandidate, string> write)
    {
        using var tx = store.Connection.BeginTransaction();
        var candidate = Get(tx, id);
        if (candidate is not { Status: CandidateStatus.Pending })
            throw new NotFoundException($"pending candidate {id}");
        if (candidate.Kind == "report")
            throw new VigilException($"candidate {id} is a report; reports are accepted as incidents");
        var acceptedAs = write(new RelationalTransaction(tx, store.Location), candidate);
        var now = Now();
        using (var cmd = store.Command(tx, """
            UPDATE extraction_candidates SET status = @s, accepted_as = @as, decided_at = @at, decided_by = @by WHERE id = @id AND status = @pending
            """, "s", "as", "at", "by", "id", "pending"))
        {
            cmd.Parameters["@s"].Value = EnumText<CandidateStatus>.Format(CandidateStatus.Accepted);
            cmd.Parameters["@as"].Value = acceptedAs;
            cmd.Parameters["@at"].Value = now;
            cmd.Parameters["@by"].Value = by;
            cmd.Parameters["@id"].Value = id;
            cmd.Parameters["@pending"].Value = EnumText<CandidateStatus>.Format(CandidateStatus.Pending);
            if (cmd.ExecuteNonQuery() == 0)
                throw new NotFoundException($"pending candidate {id}");
        }
        store.BumpDataVersion(tx);
        tx.Commit();
        return candidate with { Status = CandidateStatus.Accepted, DecidedAt = now, DecidedBy = by, AcceptedAs = acceptedAs };
    }

    /// <summary>What the accepted candidates of one article of a kind became (accepted_as values, in id order).</summary>
    public IReadOnlyList<string> AcceptedFromArticle(string articleId, string kind)
    {
        using var cmd = store.Command(null, """
            SELECT accepted_as FROM extraction_candidates
            WHERE article_id = @a AND kind = @k AND status = @s AND accepted_as IS NOT NULL ORDER BY id
            """, "a", "k", "s");
        cmd.Parameters["@a"].Value = articleId;
        cmd.Parameters["@k"].Value = kind;
        cmd.Parameters["@s"].Value = EnumText<CandidateStatus>.Format(CandidateStatus.Accepted);
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
            list.Add(r.GetString(0));
        return list;
    }
}
