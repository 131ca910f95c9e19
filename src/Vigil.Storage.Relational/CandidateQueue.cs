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
        using var tx = store.Connection.BeginTransaction();
        var now = store.Clock.GetUtcNow().UtcDateTime.ToString("O", Inv);
        var ids = Insert(tx, candidates, now, null);
        tx.Commit();
        return ids;
    }

    public ArticleReceipt Receive(QueuedArticle article, ArticleSource source, IReadOnlyList<ExtractionCandidate> candidates, string by)
    {
        using var tx = store.Connection.BeginTransaction();
        var now = store.Clock.GetUtcNow().UtcDateTime.ToString("O", Inv);
        var (existing, matchedBy) = FindArticle(tx, article, source);
        long articleRef;
        IReadOnlyList<long> ids = [];
        if (existing is { } found)
        {
            articleRef = found;
        }
        else
        {
            articleRef = AddArticle(tx, article, now);
            ids = Insert(tx, candidates, now, articleRef);
        }
        if (existing is null || !HasSource(tx, articleRef, source))
        {
            using var cmd = store.Command(tx, """
                INSERT INTO article_sources (article_ref, source, url, guid, published, received_at, received_by) VALUES (@r, @s, @u, @g, @p, @at, @by)
                """, "r", "s", "u", "g", "p", "at", "by");
            cmd.Parameters["@r"].Value = articleRef;
            cmd.Parameters["@s"].Value = (object?)source.Source ?? DBNull.Value;
            cmd.Parameters["@u"].Value = (object?)source.Url ?? DBNull.Value;
            cmd.Parameters["@g"].Value = (object?)source.Guid ?? DBNull.Value;
            cmd.Parameters["@p"].Value = (object?)source.Published ?? DBNull.Value;
            cmd.Parameters["@at"].Value = now;
            cmd.Parameters["@by"].Value = by;
            cmd.ExecuteNonQuery();
        }
        var sources = store.ScalarLong(tx, "SELECT COUNT(*) FROM article_sources WHERE article_ref = @p0", articleRef);
        tx.Commit();
        return new ArticleReceipt(articleRef, existing is not null, matchedBy, ids, (int)sources);
    }

    public (long ArticleRef, string MatchedBy)? FindRepeat(string? url, string? guid, string? contentHash) =>
        Find(null, url, guid, contentHash) is ({ } id, { } by) ? (id, by) : null;

    /// <summary>A kept article with the same address, id or text (checked in that order), and which matched.</summary>
    private (long? Id, string? MatchedBy) FindArticle(DbTransaction tx, QueuedArticle article, ArticleSource source) =>
        Find(tx, article.Url, source.Guid, article.ContentHash);

    /// <summary>Whether the article has this outlet's copy already (source, address and id all equal, missing ones too).</summary>
    private bool HasSource(DbTransaction tx, long articleRef, ArticleSource source)
    {
        using var cmd = store.Command(tx, """
            SELECT COUNT(*) FROM article_sources WHERE article_ref = @r
              AND COALESCE(source, '') = @s AND COALESCE(url, '') = @u AND COALESCE(guid, '') = @g
            """, "r", "s", "u", "g");
        cmd.Parameters["@r"].Value = articleRef;
        cmd.Parameters["@s"].Value = source.Source ?? "";
        cmd.Parameters["@u"].Value = source.Url ?? "";
        cmd.Parameters["@g"].Value = source.Guid ?? "";
        return Convert.ToInt64(cmd.ExecuteScalar(), Inv) > 0;
    }

    private (long? Id, string? MatchedBy) Find(DbTransaction? tx, string? url, string? guid, string? contentHash)
    {
        foreach (var (column, value, name) in new[]
        {
            ("url", url, "url"),
            ("article_id", guid, "id"),
            ("content_hash", contentHash, "text"),
        })
        {
            if (string.IsNullOrEmpty(value))
                continue;
            using var cmd = store.Command(tx, $"SELECT MIN(id) FROM extraction_articles WHERE {column} = @v", "v");
            cmd.Parameters["@v"].Value = value;
            if (cmd.ExecuteScalar() is { } id and not DBNull)
                return (Convert.ToInt64(id, Inv), name);
        }
        return (null, null);
    }

    public IReadOnlyList<ArticleSource> SourcesOf(long articleRef)
    {
        using var cmd = store.Command(null, "SELECT source, url, guid, published, received_at, received_by FROM article_sources WHERE article_ref = @r ORDER BY id", "r");
        cmd.Parameters["@r"].Value = articleRef;
        using var r = cmd.ExecuteReader();
        var list = new List<ArticleSource>();
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        while (r.Read())
            list.Add(new ArticleSource(Text(0), Text(1), Text(2), Text(3)) { ReceivedAt = Text(4), ReceivedBy = Text(5) });
        return list;
    }

    private List<long> Insert(DbTransaction tx, IEnumerable<ExtractionCandidate> candidates, string now, long? storedArticle)
    {
        var ids = new List<long>();
        var articles = new Dictionary<QueuedArticle, long>(ReferenceEqualityComparer.Instance);
        foreach (var c in candidates)
        {
            object articleRef = DBNull.Value;
            if (storedArticle is { } stored)
            {
                articleRef = stored;
            }
            else if (c.Article is { } article)
            {
                if (!articles.TryGetValue(article, out var aid))
                    articles[article] = aid = AddArticle(tx, article, now);
                articleRef = aid;
            }
            using var cmd = store.Command(tx, """
                INSERT INTO extraction_candidates (article_id, source, url, published, kind, summary, evidence, payload, status, created_at, article_ref)
                VALUES (@a, @s, @u, @p, @k, @m, @e, @j, @st, @at, @ar) RETURNING id
                """, "a", "s", "u", "p", "k", "m", "e", "j", "st", "at", "ar");
            cmd.Parameters["@ar"].Value = articleRef;
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
        return ids;
    }

    private long AddArticle(DbTransaction tx, QueuedArticle article, string now)
    {
        using var cmd = store.Command(tx, """
            INSERT INTO extraction_articles (article_id, title, text, kind, stored_at, url, content_hash) VALUES (@a, @t, @x, @k, @at, @u, @h) RETURNING id
            """, "a", "t", "x", "k", "at", "u", "h");
        cmd.Parameters["@u"].Value = (object?)article.Url ?? DBNull.Value;
        cmd.Parameters["@h"].Value = (object?)article.ContentHash ?? DBNull.Value;
        cmd.Parameters["@a"].Value = article.ArticleId;
        cmd.Parameters["@t"].Value = (object?)article.Title ?? DBNull.Value;
        cmd.Parameters["@x"].Value = article.Text;
        cmd.Parameters["@k"].Value = (object?)article.Kind ?? DBNull.Value;
        cmd.Parameters["@at"].Value = now;
        return Convert.ToInt64(cmd.ExecuteScalar(), Inv);
    }

    /// <summary>The article a candidate was read from, or null.</summary>
    public QueuedArticle? ArticleOf(long candidateId)
    {
        using var cmd = store.Command(null, """
            SELECT a.id, a.article_id, a.title, a.text, a.kind
            FROM extraction_candidates c JOIN extraction_articles a ON a.id = c.article_ref
            WHERE c.id = @id
            """, "id");
        cmd.Parameters["@id"].Value = candidateId;
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new QueuedArticle(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)) { Id = r.GetInt64(0) }
            : null;
    }

    /// <summary>Every candidate read from one stored article, in id order.</summary>
    public IReadOnlyList<ExtractionCandidate> OfArticle(long articleRef)
    {
        using var cmd = store.Command(null, $"SELECT {Columns} FROM extraction_candidates WHERE article_ref = @ref ORDER BY id", "ref");
        cmd.Parameters["@ref"].Value = articleRef;
        using var r = cmd.ExecuteReader();
        var list = new List<ExtractionCandidate>();
        while (r.Read())
            list.Add(ReadRow(r));
        return list;
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

    private const string Columns = "id, article_id, source, url, published, kind, summary, evidence, payload, status, incident_id, created_at, decided_at, decided_by, accepted_as, article_ref";

    private static ExtractionCandidate ReadRow(DbDataReader r)
    {
        string? Str(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new ExtractionCandidate(r.GetInt64(0), r.GetString(1), Str(2), Str(3), Str(4), r.GetString(5), r.GetString(6), Str(7), r.GetString(8),
            EnumText<CandidateStatus>.Parse(r.GetString(9)), r.IsDBNull(10) ? null : r.GetInt64(10), r.GetString(11), Str(12), Str(13))
        {
            AcceptedAs = Str(14),
            ArticleRef = r.IsDBNull(15) ? null : r.GetInt64(15),
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
