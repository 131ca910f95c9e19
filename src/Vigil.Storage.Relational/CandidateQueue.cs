using System.Data.Common;
using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// The review queue of extracted items (table <c>extraction_candidates</c>, schema version 6). Items are added as
/// pending, one transaction per batch, and decided by an analyst; nothing here touches incidents or statistics.
/// </summary>
public sealed partial class CandidateQueue(RelationalIncidentStore store) : ICandidateQueue
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Adds pending candidates in one transaction; returns their ids.</summary>
    public IReadOnlyList<long> Add(IEnumerable<ExtractionCandidate> candidates)
    {
        var ids = new List<long>();
        using var tx = store.Connection.BeginTransaction();
        var now = store.Clock.GetUtcNow().UtcDateTime.ToString("O", Inv);
        foreach (var c in candidates)
        {
            using var cmd = store.Command(tx, """
                INSERT INTO extraction_candidates (article_id, source, url, published, kind, summary, evidence, payload, status, created_at)
                VALUES (@a, @s, @u, @p, @k, @m, @e, @j, @st, @at) RETURNING id
                """, "a", "s", "u", "p", "k", "m", "e", "j", "st", "at");
            cmd.Parameters["@a"].Value = c.ArticleId;
            cmd.Parameters["@s"].Value = (object?)c.Source ?? DBNull.Value;
            cmd.Parameters["@u"].Value = (object?)c.Url ?? DBNull.Value;
            cmd.Parameters["@p"].Value = (object?)c.Published ?? DBNull.Value;
            cmd.Parameters["@k"].Value = c.Kind;
            cmd.Parameters["@m"].Value = c.Summary;
            cmd.Parameters["@e"].Value = (object?)c.Evidence ?? DBNull.Value;
            cmd.Parameters["@j"].Value = c.Payload;
            cmd.Parameters["@st"].Value = EnumText<CandidateStatus>.Format(CandidateStatus.Pending);
            cmd.Parameters["@at"].Value = now;
            ids.Add(Convert.ToInt64(cmd.ExecuteScalar(), Inv));
        }
        tx.Commit();
        return ids;
    }

    /// <summary>Candidates in id order, optionally of one status.</summary>
    public IReadOnlyList<ExtractionCandidate> List(CandidateStatus? status, int limit, long afterId = 0)
    {
        using var cmd = store.Command(null, $"""
            SELECT {Columns}
            FROM extraction_candidates WHERE id > @after {(status is null ? "" : "AND status = @status")} ORDER BY id LIMIT @limit
            """, status is null ? ["after", "limit"] : ["after", "status", "limit"]);
        cmd.Parameters["@after"].Value = afterId;
        cmd.Parameters["@limit"].Value = limit;
        if (status is { } s)
            cmd.Parameters["@status"].Value = EnumText<CandidateStatus>.Format(s);
        using var r = cmd.ExecuteReader();
        var list = new List<ExtractionCandidate>();
        while (r.Read())
            list.Add(ReadRow(r));
        return list;
    }

    /// <summary>One candidate by id, or null.</summary>
    public ExtractionCandidate? Get(long id) => Get(null, id);

    private ExtractionCandidate? Get(DbTransaction? tx, long id)
    {
        using var cmd = store.Command(tx, $"SELECT {Columns} FROM extraction_candidates WHERE id = @id", "id");
        cmd.Parameters["@id"].Value = id;
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadRow(r) : null;
    }

    private const string Columns = "id, article_id, source, url, published, kind, summary, evidence, payload, status, incident_id, created_at, decided_at, decided_by, accepted_as";

    private static ExtractionCandidate ReadRow(DbDataReader r)
    {
        string? Str(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new ExtractionCandidate(r.GetInt64(0), r.GetString(1), Str(2), Str(3), Str(4), r.GetString(5), r.GetString(6), Str(7), r.GetString(8),
            EnumText<CandidateStatus>.Parse(r.GetString(9)), r.IsDBNull(10) ? null : r.GetInt64(10), r.GetString(11), Str(12), Str(13))
        {
            AcceptedAs = Str(14),
        };
    }

    /// <summary>Rejects a pending candidate (kept, marked, with who and when).</summary>
    public void Reject(long id, string by) => Decide(id, CandidateStatus.Rejected, by);

    private void Decide(long id, CandidateStatus status, string by)
    {
        using var tx = store.Connection.BeginTransaction();
        using var cmd = store.Command(tx, "UPDATE extraction_candidates SET status = @s, decided_at = @at, decided_by = @by WHERE id = @id AND status = @pending",
            "s", "at", "by", "id", "pending");
        cmd.Parameters["@s"].Value = EnumText<CandidateStatus>.Format(status);
        cmd.Parameters["@at"].Value = store.Clock.GetUtcNow().UtcDateTime.ToString("O", Inv);
        cmd.Parameters["@by"].Value = by;
        cmd.Parameters["@id"].Value = id;
        cmd.Parameters["@pending"].Value = EnumText<CandidateStatus>.Format(CandidateStatus.Pending);
        if (cmd.ExecuteNonQuery() == 0)
            throw new NotFoundException($"no pending candidate {id}");
        tx.Commit();
    }
}
