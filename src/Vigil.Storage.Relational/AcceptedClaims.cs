using System.Data.Common;
using System.Globalization;

namespace Vigil.Storage.Relational;

/// <summary>The claims accepted from the news (table <c>accepted_claims</c>, schema version 7), on the incident store's connection.</summary>
public sealed class AcceptedClaims(RelationalIncidentStore store) : IAcceptedClaimStore
{
    public long Add(IStoreTransaction tx, ExtractionCandidate candidate, string by) => Add(RelationalTransaction.Of(tx), candidate, by);

    /// <summary>Stores an accepted claim inside the caller's transaction; returns its id.</summary>
    public long Add(DbTransaction tx, ExtractionCandidate candidate, string by)
    {
        using var cmd = store.Command(tx, """
            INSERT INTO accepted_claims (candidate_id, article_id, source, url, published, claim, evidence, accepted_at, accepted_by)
            VALUES (@c, @a, @s, @u, @p, @claim, @e, @at, @by) RETURNING id
            """, "c", "a", "s", "u", "p", "claim", "e", "at", "by");
        cmd.Parameters["@c"].Value = candidate.Id;
        cmd.Parameters["@a"].Value = candidate.ArticleId;
        cmd.Parameters["@s"].Value = (object?)candidate.Source ?? DBNull.Value;
        cmd.Parameters["@u"].Value = (object?)candidate.Url ?? DBNull.Value;
        cmd.Parameters["@p"].Value = (object?)candidate.Published ?? DBNull.Value;
        cmd.Parameters["@claim"].Value = candidate.Payload;
        cmd.Parameters["@e"].Value = (object?)candidate.Evidence ?? DBNull.Value;
        cmd.Parameters["@at"].Value = IncidentColumns.Stamp(store.Clock.GetUtcNow());
        cmd.Parameters["@by"].Value = by;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every accepted claim, in the order accepted.</summary>
    public IReadOnlyList<AcceptedClaim> List()
    {
        using var cmd = store.Command(null, """
            SELECT id, candidate_id, article_id, source, url, published, claim, evidence, accepted_at, accepted_by FROM accepted_claims ORDER BY id
            """);
        using var r = cmd.ExecuteReader();
        string? Str(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var list = new List<AcceptedClaim>();
        while (r.Read())
            list.Add(new AcceptedClaim(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Str(3), Str(4), Str(5), r.GetString(6), Str(7), r.GetString(8), r.GetString(9)));
        return list;
    }
}
