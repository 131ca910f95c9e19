using Vigil.Domain.Errors;
using Vigil.Storage;
using Vigil.Storage.Relational;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// What the feed store must do on every back-end: one live feed per address, items stored once per feed whatever how
/// often they are listed, a status that follows reads and failures, and pending items that survive until processed.
/// </summary>
public abstract class FeedStoreContract
{
    protected TestClock Clock { get; } = new();

    protected abstract RelationalIncidentStore OpenFresh();

    private static NewFeedItem Item(string key) => new(key, key, $"https://example.org/{key}", "Blast " + key, "2026-11-02T08:00:00Z", "Three were killed.");

    [Fact]
    public void Items_are_stored_once_per_feed_and_the_status_follows_reads_and_failures()
    {
        using var db = new RelationalDatabase(OpenFresh());
        var now = Clock.GetUtcNow();
        var a = db.Feeds.Add("https://a.example/rss", "A", TimeSpan.FromMinutes(30), "amina", now);
        var b = db.Feeds.Add("https://b.example/rss", "B", TimeSpan.FromHours(2), "amina", now);
        Assert.Equal("url", Assert.Throws<FieldException>(() => db.Feeds.Add("https://a.example/rss", "A again", TimeSpan.FromMinutes(30), "amina", now)).Field);
        Assert.Equal([a.Id, b.Id], db.Feeds.Due(now).Select(f => f.Id));

        Assert.Equal(2, db.Feeds.RecordSuccess(a.Id, [Item("1"), Item("2")], "\"e1\"", "Mon, 02 Nov 2026 08:00:00 GMT", now));
        Assert.Equal(1, db.Feeds.RecordSuccess(a.Id, [Item("2"), Item("3")], "\"e2\"", null, now));
        // The same key in another feed is another item (each feed's listing is its own).
        Assert.Equal(1, db.Feeds.RecordSuccess(b.Id, [Item("1")], null, null, now));
        var status = db.Feeds.Get(a.Id)!;
        Assert.Equal(("\"e2\"", 3L, 3L, 0), (status.ETag, status.ItemsSeen, status.ItemsPending, status.Failures));
        // A read sets the next one an interval on.
        Assert.Empty(db.Feeds.Due(now));
        Assert.Equal([a.Id], db.Feeds.Due(now.AddMinutes(30)).Select(f => f.Id));
        Assert.Equal([a.Id, b.Id], db.Feeds.Due(now.AddHours(2)).Select(f => f.Id));

        db.Feeds.RecordFailure(b.Id, "HTTP 500", now, now.AddMinutes(1));
        db.Feeds.RecordFailure(b.Id, "HTTP 500", now, now.AddMinutes(2));
        status = db.Feeds.Get(b.Id)!;
        Assert.Equal(("HTTP 500", 2), (status.LastError, status.Failures));
        Assert.Equal([b.Id], db.Feeds.Due(now.AddMinutes(2)).Select(f => f.Id));

        var pending = db.Feeds.Pending(10, now);
        Assert.Equal(["1", "2", "3", "1"], pending.Select(p => p.Item.Key));
        Assert.Equal(["3", "1"], db.Feeds.Pending(10, now, afterId: pending[1].Id).Select(p => p.Item.Key));
        db.Feeds.ItemDone(pending[0].Id, 42, now);
        db.Feeds.ItemFailed(pending[1].Id, "page: HTTP 503", now.AddMinutes(1), now);
        db.Feeds.ItemFailed(pending[2].Id, "no text", null, now);
        // A failed item waits for its retry time, unless every pending item is asked for.
        Assert.Equal(["1"], db.Feeds.Pending(10, now).Select(p => p.Item.Key));
        Assert.Equal(["2", "1"], db.Feeds.Pending(10, now.AddMinutes(1)).Select(p => p.Item.Key));
        Assert.Equal(["2", "1"], db.Feeds.Pending(10, null).Select(p => p.Item.Key));
        var items = db.Feeds.Items(a.Id, 10).ToDictionary(i => i.Item.Key);
        Assert.Equal(("done", 42L, 1), (items["1"].State, items["1"].ArticleRef, items["1"].Attempts));
        Assert.Equal(("pending", "page: HTTP 503", 1), (items["2"].State, items["2"].Error, items["2"].Attempts));
        Assert.Equal("failed", items["3"].State);
        Assert.Equal((1L, 1L), (db.Feeds.Get(a.Id)!.ItemsPending, db.Feeds.Get(a.Id)!.ItemsFailed));

        // A removed feed's items wait no more, and its address can be watched again.
        Assert.True(db.Feeds.Remove(b.Id, "amina", now));
        Assert.False(db.Feeds.Remove(b.Id, "amina", now));
        Assert.Equal(["2"], db.Feeds.Pending(10, null).Select(p => p.Item.Key));
        Assert.Equal([a.Id], db.Feeds.List().Select(f => f.Id));
        Assert.NotEqual(b.Id, db.Feeds.Add("https://b.example/rss", "B", TimeSpan.FromHours(2), "amina", now).Id);
    }

    [Fact]
    public void The_same_outlet_copy_received_twice_is_one_source()
    {
        using var db = new RelationalDatabase(OpenFresh());
        var article = new QueuedArticle("a-1", "Blast", "Three were killed.", "incident-report") { Url = "https://a.example/1", ContentHash = "h1" };
        var copy = new ArticleSource("A", "https://a.example/1", "a-1", "2026-11-02");
        var first = db.Candidates.Receive(article, copy, [], "feed:1");
        var again = db.Candidates.Receive(article, copy, [], "feed:1");
        var other = db.Candidates.Receive(article with { Url = "https://b.example/9" }, new ArticleSource("B", "https://b.example/9", null, null), [], "feed:2");
        Assert.Equal((first.ArticleRef, true, 1), (again.ArticleRef, again.Duplicate, again.Sources));
        Assert.Equal((first.ArticleRef, "text", 2), (other.ArticleRef, other.MatchedBy, other.Sources));
        Assert.Equal((first.ArticleRef, "url"), db.Candidates.FindRepeat("https://a.example/1", null, null));
        Assert.Equal((first.ArticleRef, "id"), db.Candidates.FindRepeat(null, "a-1", null));
        Assert.Null(db.Candidates.FindRepeat("https://c.example/1", "c-1", "h2"));
    }
}
