using Microsoft.AspNetCore.Http;
using Vigil.Application.Feeds;
using Vigil.Extraction;
using Vigil.Storage;
using Vigil.TestSupport.Web;

namespace Vigil.Server.Tests.Feeds;

/// <summary>
/// The feed poller against a real HTTP server on loopback serving feeds and pages written by the team: items are
/// stored, read once, de-duplicated across feeds, and failures of one feed are recorded and retried while others go on.
/// </summary>
public sealed class FeedPollerTests
{
    private static IReadOnlyList<ExtractionCandidate> Queue(FeedRig rig)
    {
        using var db = rig.Open();
        return db.Candidates.List(null, 10_000);
    }

    [Fact]
    public async Task New_items_are_queued_once_and_the_next_poll_is_a_conditional_request()
    {
        await using var rig = await FeedRig.StartAsync();
        for (var s = 0; s < 3; s++)
            rig.Page($"/news/{s}", "The Frontier Post", s);
        rig.Site.Text("/rss", FeedFixtures.Rss("Frontier", [rig.Item(0, "/news/0", "fp-0"), rig.Item(1, "/news/1", "fp-1")]), "application/rss+xml", "\"v1\"");
        var feed = rig.Watch("/rss", "The Frontier Post");

        var (polls, items) = await rig.RunDueAsync();
        Assert.Equal((true, 2), (polls.Single().Ok, polls.Single().NewItems));
        Assert.Equal(new ItemsProcessed(2, 0, 0, 0), items);
        var queued = Queue(rig);
        using (var db = rig.Open())
        {
            var stored = db.Feeds.Items(feed.Id, 10);
            Assert.All(stored, i => Assert.Equal("done", i.State));
            foreach (var item in stored)
            {
                // The article kept is the story's text, without the page's navigation, links and footer.
                var story = int.Parse(item.Item.Link![^1..], System.Globalization.CultureInfo.InvariantCulture);
                var article = db.Candidates.ArticleOf(queued.First(c => c.ArticleRef == item.ArticleRef).Id)!;
                Assert.Contains(FeedFixtures.Stories[story][0], article.Text, StringComparison.Ordinal);
                Assert.Contains(FeedFixtures.Stories[story][1], article.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("Related story", article.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("All rights reserved", article.Text, StringComparison.Ordinal);
                Assert.Equal(["The Frontier Post"], db.Candidates.SourcesOf(item.ArticleRef!.Value).Select(s => s.Source));
            }
        }
        // Each story's candidates are those the extractor reads from the story's text.
        Assert.Equal(2, queued.Select(c => c.ArticleRef).Distinct().Count());
        Assert.All(queued.GroupBy(c => c.ArticleRef), g => Assert.Contains(g, c => c.Kind == "report"));

        // Due again: the feed is asked conditionally, answers 304, and nothing new is read or queued.
        rig.Clock.Advance(TimeSpan.FromMinutes(31));
        (polls, items) = await rig.RunDueAsync();
        Assert.True(polls.Single().NotModified);
        Assert.Equal("\"v1\"", rig.Site.Requests.Last(r => r.Path == "/rss").IfNoneMatch);
        Assert.Equal(0, items.Total);
        Assert.Equal(queued.Count, Queue(rig).Count);

        // The feed changes: only the item not seen before is read.
        rig.Site.Text("/rss", FeedFixtures.Rss("Frontier", [rig.Item(2, "/news/2", "fp-2"), rig.Item(0, "/news/0", "fp-0"), rig.Item(1, "/news/1", "fp-1")]), "application/rss+xml", "\"v2\"");
        rig.Clock.Advance(TimeSpan.FromMinutes(31));
        (polls, items) = await rig.RunDueAsync();
        Assert.Equal((1, new ItemsProcessed(1, 0, 0, 0)), (polls.Single().NewItems, items));
        Assert.Equal(1, rig.Site.Hits("/news/0"));
        Assert.Equal(1, rig.Site.Hits("/news/2"));
        using (var db = rig.Open())
        {
            var status = db.Feeds.Get(feed.Id)!;
            Assert.Equal((3L, 0L, 0), (status.ItemsSeen, status.ItemsPending, status.Failures));
            Assert.Null(status.LastError);
        }
    }

    [Fact]
    public async Task The_same_story_in_two_feeds_is_one_article_with_a_source_for_each()
    {
        await using var rig = await FeedRig.StartAsync();
        // Outlet A publishes story 4; outlet B syndicates it on its own page (another address, another layout);
        // outlet C's JSON Feed links A's page with tracking parameters.
        rig.Page("/a/bajaur-blast", "Outlet A", 4);
        rig.Page("/b/2026/11/06/market-attack", "Outlet B", 4, layout: "b");
        rig.Page("/a/lakki", "Outlet A", 5);
        rig.Site.Text("/a/rss", FeedFixtures.Rss("A", [rig.Item(4, "/a/bajaur-blast", "a-4"), rig.Item(5, "/a/lakki", "a-5")]), "application/rss+xml");
        rig.Site.Text("/b/atom", FeedFixtures.Atom("B", [rig.Item(4, "/b/2026/11/06/market-attack", "urn:b:4")]), "application/atom+xml");
        rig.Site.Text("/c/feed.json", FeedFixtures.JsonFeed("C", [rig.Item(4, "/a/bajaur-blast?utm_source=c&utm_medium=feed")]), "application/feed+json");
        rig.Watch("/a/rss", "Outlet A");
        rig.Watch("/b/atom", "Outlet B");
        rig.Watch("/c/feed.json", "Outlet C");

        var (polls, items) = await rig.RunDueAsync();
        Assert.All(polls, p => Assert.True(p.Ok, p.Error));
        Assert.Equal((2, 2), (items.Articles, items.Repeats));
        var queued = Queue(rig);
        Assert.Equal(2, queued.Select(c => c.ArticleRef).Distinct().Count());
        using var db = rig.Open();
        var bajaur = queued.Select(c => db.Candidates.ArticleOf(c.Id)!).First(a => a.Text.Contains("Bajaur", StringComparison.Ordinal));
        var sources = db.Candidates.SourcesOf(queued.First(c => db.Candidates.ArticleOf(c.Id)!.Id == bajaur.Id).ArticleRef!.Value);
        Assert.Equal(["Outlet A", "Outlet B", "Outlet C"], sources.Select(s => s.Source).Order());
        // The candidates of the story are queued once: those of one reading of its text.
        var expected = ArticleExtractor.TextRead(bajaur.Text);
        Assert.Equal(queued.Count(c => c.ArticleRef == bajaur.Id), queued.Where(c => c.ArticleRef == bajaur.Id).Select(c => c.Id).Distinct().Count());
        Assert.Contains(FeedFixtures.Stories[4][0], expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_that_fail_are_recorded_and_retried_later_while_the_others_go_on()
    {
        await using var rig = await FeedRig.StartAsync();
        rig.Page("/ok/1", "Good", 0);
        rig.Site.Text("/ok/rss", FeedFixtures.Rss("Good", [rig.Item(0, "/ok/1", "ok-1")]), "application/rss+xml");
        var release = new TaskCompletionSource();
        rig.Site.Serve("/slow/rss", async c =>
        {
            await Task.WhenAny(release.Task, Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));
            await c.Response.WriteAsync("", c.RequestAborted);
        });
        rig.Site.Status("/broken/rss", 500);
        rig.Site.Text("/malformed/rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item><title>unclosed", "application/rss+xml");
        rig.Site.Serve("/huge/rss", async c =>
        {
            // A feed whose one item carries 50 MB, sent without a length, as a misbehaving server would.
            c.Response.ContentType = "application/rss+xml";
            await c.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>huge</title><item><title>big</title><description>", c.RequestAborted);
            var block = new string('x', 1024 * 1024);
            for (var i = 0; i < 50; i++)
                await c.Response.WriteAsync(block, c.RequestAborted);
            await c.Response.WriteAsync("</description></item></channel></rss>", c.RequestAborted);
        });
        rig.Site.Serve("/loop/rss", c =>
        {
            c.Response.Redirect("/loop/rss");
            return Task.CompletedTask;
        });
        var good = rig.Watch("/ok/rss", "Good");
        var failing = new Dictionary<string, string>
        {
            ["/slow/rss"] = "timed out",
            ["/broken/rss"] = "HTTP 500",
            ["/malformed/rss"] = "not a feed",
            ["/huge/rss"] = "limit",
            ["/loop/rss"] = "redirect",
        }.ToDictionary(kv => rig.Watch(kv.Key, kv.Key.Split('/')[1]).Id, kv => (Path: kv.Key, Error: kv.Value));

        var started = rig.Clock.GetUtcNow();
        var (polls, items) = await rig.RunDueAsync();
        Assert.Equal((true, 1), (polls.Single(p => p.FeedId == good.Id).Ok, polls.Single(p => p.FeedId == good.Id).NewItems));
        Assert.Equal(1, items.Articles);
        using (var db = rig.Open())
        {
            foreach (var (id, (path, error)) in failing)
            {
                var status = db.Feeds.Get(id)!;
                Assert.Contains(error, status.LastError, StringComparison.OrdinalIgnoreCase);
                Assert.Equal((1, 0L), (status.Failures, status.ItemsSeen));
                // Tried again sooner than its interval, at the poller's first-retry wait.
                Assert.Equal(started + rig.Options.FirstRetry, DateTimeOffset.Parse(status.NextPollAt, System.Globalization.CultureInfo.InvariantCulture));
            }
            Assert.Null(db.Feeds.Get(good.Id)!.LastError);
        }
        // A failing answer (500) is retried within the poll, with backoff; a malformed feed is not.
        Assert.Equal(rig.Options.Retries + 1, rig.Site.Hits("/broken/rss"));
        Assert.Equal(1, rig.Site.Hits("/malformed/rss"));

        // Later the feeds are mended: at their retry time they are read again and their failures are cleared.
        release.SetResult();
        rig.Site.Text("/slow/rss", FeedFixtures.Rss("slow", []), "application/rss+xml");
        foreach (var (_, (path, _)) in failing.Where(f => f.Value.Path != "/slow/rss"))
            rig.Site.Text(path, FeedFixtures.Rss(path, [rig.Item(1, "/ok/2", path)]), "application/rss+xml");
        rig.Page("/ok/2", "Good", 1);
        rig.Clock.Advance(rig.Options.FirstRetry);
        (polls, items) = await rig.RunDueAsync();
        Assert.Equal(failing.Keys.Order(), polls.Select(p => p.FeedId).Order());
        Assert.All(polls, p => Assert.True(p.Ok, p.Error));
        // The four feeds list the same page under four GUIDs: one article, four sources.
        Assert.Equal((1, 3), (items.Articles, items.Repeats));
        using (var db = rig.Open())
            Assert.All(failing.Keys, id => Assert.Equal(0, db.Feeds.Get(id)!.Failures));
    }

    [Fact]
    public async Task An_item_that_links_a_pdf_is_read_from_its_summary_or_given_up_never_read_as_text()
    {
        await using var rig = await FeedRig.StartAsync();
        foreach (var path in new[] { "/files/report.pdf", "/files/other.pdf" })
        {
            rig.Site.Serve(path, async c =>
            {
                c.Response.ContentType = "application/pdf";
                await c.Response.Body.WriteAsync("%PDF-1.7\n%\u00e2\u00e3 binary 12 killed"u8.ToArray(), c.RequestAborted);
            });
        }
        var withSummary = rig.Item(6, "/files/report.pdf", "pdf-1");
        var bare = rig.Item(7, "/files/other.pdf", "pdf-2") with { Summary = "" };
        rig.Site.Text("/rss", FeedFixtures.Rss("releases", [withSummary, bare]), "application/rss+xml");
        var feed = rig.Watch("/rss", "Releases");

        var (_, items) = await rig.RunDueAsync();

        Assert.Equal((1, 1, 0), (items.Articles, items.Failed, items.Retrying));
        var queued = Queue(rig);
        using var db = rig.Open();
        var article = db.Candidates.ArticleOf(queued.First().Id)!;
        Assert.Equal("Summary: " + FeedFixtures.Stories[6][0], article.Text);
        var given = db.Feeds.Items(feed.Id, 10).Single(i => i.Item.Guid == "pdf-2");
        Assert.Equal("failed", given.State);
        Assert.Contains("application/pdf, not a web page", given.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_page_is_retried_then_its_item_given_up_and_the_summary_read()
    {
        await using var rig = await FeedRig.StartAsync();
        rig.Site.Status("/gone/1", 503);
        rig.Site.Serve("/gone/2", async c =>
        {
            c.Response.ContentType = "text/html";
            var block = new string('y', 1024 * 1024);
            for (var i = 0; i < 50; i++)
                await c.Response.WriteAsync(block, c.RequestAborted);
        });
        var withSummary = rig.Item(2, "/gone/1", "g-1");
        var withoutSummary = rig.Item(3, "/gone/2", "g-2") with { Summary = "" };
        rig.Site.Text("/rss", FeedFixtures.Rss("gone", [withSummary, withoutSummary]), "application/rss+xml");
        var feed = rig.Watch("/rss", "Gone");
        for (var round = 1; round <= rig.Options.ItemAttempts; round++)
        {
            var (_, items) = await rig.RunDueAsync();
            using var db = rig.Open();
            var stored = db.Feeds.Items(feed.Id, 10).ToDictionary(i => i.Item.Guid!);
            if (round < rig.Options.ItemAttempts)
            {
                Assert.Equal(2, items.Retrying);
                Assert.All(stored.Values, i => Assert.Equal(("pending", round), (i.State, i.Attempts)));
                Assert.Contains("HTTP 503", stored["g-1"].Error, StringComparison.Ordinal);
                Assert.Contains("limit", stored["g-2"].Error, StringComparison.Ordinal);
                // Tried again later, not at the next tick: the wait doubles with each attempt.
                var wait = rig.Poller.ItemRetryAfter(round - 1);
                Assert.Equal(rig.Clock.GetUtcNow() + wait, DateTimeOffset.Parse(stored["g-1"].RetryAt!, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(0, (await rig.RunDueAsync()).Items.Total);
                rig.Clock.Advance(wait);
            }
            else
            {
                // The last attempt: the item with a summary is read from the feed's own text; the other is given up.
                Assert.Equal((1, 1), (items.Articles, items.Failed));
                Assert.Equal("done", stored["g-1"].State);
                Assert.Equal("failed", stored["g-2"].State);
                Assert.Equal(1L, db.Feeds.Get(feed.Id)!.ItemsFailed);
            }
        }
        // Each attempt at the page is itself retried once (a 503) by the HTTP pipeline.
        Assert.Equal(rig.Options.ItemAttempts * (rig.Options.Retries + 1), rig.Site.Hits("/gone/1"));
    }
}
