using System.Data.Common;
using System.Globalization;
using Vigil.Domain.Errors;

namespace Vigil.Storage.Relational;

/// <summary>Feeds and their items (tables <c>feeds</c> and <c>feed_items</c>, schema version 15), on the incident store's connection.</summary>
public sealed class RelationalFeedStore(RelationalIncidentStore store) : IFeedStore
{
    private const string FeedColumns = """
        f.id, f.url, f.name, f.every_seconds, f.added_at, f.added_by, f.etag, f.last_modified, f.last_polled_at, f.last_success_at,
        f.last_error, f.last_error_at, f.failures, (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id), f.next_poll_at,
        (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id AND i.state = 'pending'),
        (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id AND i.state = 'failed')
        """;

    private const string ItemColumns = "id, feed_id, item_key, guid, link, title, published, summary, state, attempts, seen_at, error, article_ref, processed_at, retry_at";

    private static string Stamp(DateTimeOffset at) => IncidentColumns.Stamp(at);

    public FeedStatus Add(string url, string name, TimeSpan every, string by, DateTimeOffset now)
    {
        using var tx = store.Connection.BeginTransaction();
        if (store.ScalarLong(tx, "SELECT COUNT(*) FROM feeds WHERE url = @p0 AND removed_at IS NULL", url) > 0)
            throw new FieldException("url", $"{url} is watched already");
        using var cmd = store.Command(tx, """
            INSERT INTO feeds (url, name, every_seconds, added_at, added_by, failures, next_poll_at)
            VALUES (@u, @n, @e, @at, @by, 0, @at) RETURNING id
            """, "u", "n", "e", "at", "by");
        cmd.Parameters["@u"].Value = url;
        cmd.Parameters["@n"].Value = name;
        cmd.Parameters["@e"].Value = (long)every.TotalSeconds;
        cmd.Parameters["@at"].Value = Stamp(now);
        cmd.Parameters["@by"].Value = by;
        var id = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        tx.Commit();
        return Get(id)!;
    }

    public IReadOnlyList<FeedStatus> List() => Feeds("f.removed_at IS NULL", null);

    public FeedStatus? Get(long id) => Feeds("f.removed_at IS NULL AND f.id = @v", id).FirstOrDefault();

    public IReadOnlyList<FeedStatus> Due(DateTimeOffset now) => Feeds("f.removed_at IS NULL AND f.next_poll_at <= @v", Stamp(now));

    public bool Remove(long id, string by, DateTimeOffset now)
    {
        using var cmd = store.Command(null, "UPDATE feeds SET removed_at = @at, removed_by = @by WHERE id = @id AND removed_at IS NULL", "at", "by", "id");
        cmd.Parameters["@at"].Value = Stamp(now);
        cmd.Parameters["@by"].Value = by;
        cmd.Parameters["@id"].Value = id;
        return cmd.ExecuteNonQuery() > 0;
    }

    public int RecordSuccess(long feedId, IReadOnlyList<NewFeedItem> items, string? etag, string? lastModified, DateTimeOffset now)
    {
        using var tx = store.Connection.BeginTransaction();
        var every = store.ScalarLong(tx, "SELECT every_seconds FROM feeds WHERE id = @p0", feedId);
        var added = 0;
        foreach (var item in items)
        {
            using var insert = store.Command(tx, """
                INSERT INTO feed_items (feed_id, item_key, guid, link, title, published, summary, seen_at, state, attempts)
                VALUES (@f, @k, @g, @l, @t, @p, @s, @at, 'pending', 0)
                ON CONFLICT (feed_id, item_key) DO NOTHING
                """, "f", "k", "g", "l", "t", "p", "s", "at");
            insert.Parameters["@f"].Value = feedId;
            insert.Parameters["@k"].Value = item.Key;
            insert.Parameters["@g"].Value = (object?)item.Guid ?? DBNull.Value;
            insert.Parameters["@l"].Value = (object?)item.Link ?? DBNull.Value;
            insert.Parameters["@t"].Value = (object?)item.Title ?? DBNull.Value;
            insert.Parameters["@p"].Value = (object?)item.Published ?? DBNull.Value;
            insert.Parameters["@s"].Value = (object?)item.Summary ?? DBNull.Value;
            insert.Parameters["@at"].Value = Stamp(now);
            added += insert.ExecuteNonQuery();
        }
        using var cmd = store.Command(tx, """
            UPDATE feeds SET etag = @e, last_modified = @lm, last_polled_at = @at, last_success_at = @at, failures = 0,
                next_poll_at = @next WHERE id = @id
            """, "e", "lm", "at", "next", "id");
        cmd.Parameters["@e"].Value = (object?)etag ?? DBNull.Value;
        cmd.Parameters["@lm"].Value = (object?)lastModified ?? DBNull.Value;
        cmd.Parameters["@at"].Value = Stamp(now);
        cmd.Parameters["@next"].Value = Stamp(now.AddSeconds(every));
        cmd.Parameters["@id"].Value = feedId;
        cmd.ExecuteNonQuery();
        tx.Commit();
        return added;
    }

    public void RecordFailure(long feedId, string error, DateTimeOffset now, DateTimeOffset retryAt)
    {
        using var cmd = store.Command(null, """
            UPDATE feeds SET last_polled_at = @at, last_error = @err, last_error_at = @at, failures = failures + 1, next_poll_at = @next WHERE id = @id
            """, "at", "err", "next", "id");
        cmd.Parameters["@at"].Value = Stamp(now);
        cmd.Parameters["@err"].Value = error;
        cmd.Parameters["@next"].Value = Stamp(retryAt);
        cmd.Parameters["@id"].Value = feedId;
        cmd.ExecuteNonQuery();
    }

    public IReadOnlyList<StoredFeedItem> Pending(int limit, DateTimeOffset? now, long afterId = 0, long? feedId = null) =>
        Items($"""
            state = 'pending' AND id > {afterId.ToString(CultureInfo.InvariantCulture)} AND feed_id IN (SELECT id FROM feeds WHERE removed_at IS NULL)
            {(now is { } at ? $" AND (retry_at IS NULL OR retry_at <= '{Stamp(at)}')" : "")}
            {(feedId is null ? "" : " AND feed_id = @v")} ORDER BY id LIMIT {limit.ToString(CultureInfo.InvariantCulture)}
            """, feedId);

    public IReadOnlyList<StoredFeedItem> Items(long feedId, int limit) =>
        Items($"feed_id = @v ORDER BY id DESC LIMIT {limit.ToString(CultureInfo.InvariantCulture)}", feedId);

    public void ItemDone(long itemId, long? articleRef, DateTimeOffset now)
    {
        using var cmd = store.Command(null, "UPDATE feed_items SET state = 'done', article_ref = @r, processed_at = @at, attempts = attempts + 1, retry_at = NULL WHERE id = @id", "r", "at", "id");
        cmd.Parameters["@r"].Value = (object?)articleRef ?? DBNull.Value;
        cmd.Parameters["@at"].Value = Stamp(now);
        cmd.Parameters["@id"].Value = itemId;
        cmd.ExecuteNonQuery();
    }

    public void ItemFailed(long itemId, string error, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        using var cmd = store.Command(null, """
            UPDATE feed_items SET state = @s, error = @err, attempts = attempts + 1, processed_at = @at, retry_at = @r WHERE id = @id
            """, "s", "err", "at", "r", "id");
        cmd.Parameters["@s"].Value = retryAt is null ? "failed" : "pending";
        cmd.Parameters["@r"].Value = retryAt is { } r ? Stamp(r) : DBNull.Value;
        cmd.Parameters["@err"].Value = error;
        cmd.Parameters["@at"].Value = Stamp(now);
        cmd.Parameters["@id"].Value = itemId;
        cmd.ExecuteNonQuery();
    }

    private List<FeedStatus> Feeds(string where, object? value)
    {
        using var cmd = store.Command(null, $"SELECT {FeedColumns} FROM feeds f WHERE {where} ORDER BY f.id", value is null ? [] : ["v"]);
        if (value is not null)
            cmd.Parameters["@v"].Value = value;
        using var r = cmd.ExecuteReader();
        var list = new List<FeedStatus>();
        while (r.Read())
        {
            list.Add(new FeedStatus(r.GetInt64(0), r.GetString(1), r.GetString(2), TimeSpan.FromSeconds(r.GetInt64(3)), r.GetString(4), r.GetString(5))
            {
                ETag = Text(r, 6),
                LastModified = Text(r, 7),
                LastPolledAt = Text(r, 8),
                LastSuccessAt = Text(r, 9),
                LastError = Text(r, 10),
                LastErrorAt = Text(r, 11),
                Failures = Convert.ToInt32(r.GetValue(12), CultureInfo.InvariantCulture),
                ItemsSeen = Convert.ToInt64(r.GetValue(13), CultureInfo.InvariantCulture),
                NextPollAt = r.GetString(14),
                ItemsPending = Convert.ToInt64(r.GetValue(15), CultureInfo.InvariantCulture),
                ItemsFailed = Convert.ToInt64(r.GetValue(16), CultureInfo.InvariantCulture),
            });
        }
        return list;
    }

    private List<StoredFeedItem> Items(string whereAndOrder, long? value)
    {
        using var cmd = store.Command(null, $"SELECT {ItemColumns} FROM feed_items WHERE {whereAndOrder}", value is null ? [] : ["v"]);
        if (value is not null)
            cmd.Parameters["@v"].Value = value;
        using var r = cmd.ExecuteReader();
        var list = new List<StoredFeedItem>();
        while (r.Read())
        {
            var item = new NewFeedItem(r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7));
            list.Add(new StoredFeedItem(r.GetInt64(0), r.GetInt64(1), item, r.GetString(8), Convert.ToInt32(r.GetValue(9), CultureInfo.InvariantCulture), r.GetString(10))
            {
                Error = Text(r, 11),
                ArticleRef = r.IsDBNull(12) ? null : r.GetInt64(12),
                ProcessedAt = Text(r, 13),
                RetryAt = Text(r, 14),
            });
        }
        return list;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
