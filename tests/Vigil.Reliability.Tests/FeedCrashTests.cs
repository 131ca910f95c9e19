using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;
using Vigil.TestSupport.Web;

namespace Vigil.Reliability.Tests;

/// <summary>
/// The server is killed (SIGKILL) while it reads a feed's items and started again: every item is processed once —
/// the articles, their sources and the queued candidates are exactly those of a run that was never interrupted.
/// </summary>
public sealed class FeedCrashTests
{
    private const int Stories = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_killed_mid_poll_loses_no_item_and_doubles_none_after_a_restart()
    {
        using var dir = new TempDirectory();
        await using var site = await LoopbackSite.StartAsync(Ct);
        var hold = new TaskCompletionSource();
        var items = new List<FixtureItem>();
        for (var s = 0; s < Stories; s++)
        {
            var path = $"/wire/{s}";
            items.Add(new FixtureItem($"wire-{s}", site.Url(path).ToString(), $"Wire story {s}", new DateTimeOffset(2026, 11, 2 + s, 6, 0, 0, TimeSpan.Zero)));
            var page = FeedFixtures.Page("The Wire", $"Wire story {s}", FeedFixtures.Stories[s]);
            if (s == Stories - 1)
            {
                // The last story's page answers only when released: the server is killed while it waits for it.
                site.Serve(path, async c =>
                {
                    await hold.Task.WaitAsync(c.RequestAborted);
                    c.Response.ContentType = "text/html";
                    await c.Response.WriteAsync(page, c.RequestAborted);
                });
            }
            else
            {
                site.Text(path, page, "text/html");
            }
        }
        site.Text("/wire/rss", FeedFixtures.Rss("The Wire", items), "application/rss+xml");

        // The oracle: the same feed read by an uninterrupted `vigil feeds poll` into a database of its own.
        var oracle = dir.File("oracle.db");
        hold.SetResult();
        Assert.Equal(0, VigilRun.Run("feeds", "add", site.Url("/wire/rss").ToString(), "--name", "The Wire", "--db", oracle).Code);
        var (code, output, error) = VigilRun.Run("feeds", "poll", "--allow-private", "--db", oracle);
        Assert.True(code == 0, output + error);
        var expected = Snapshot(oracle);
        Assert.Equal(Stories, expected.Articles.Count);

        hold = new TaskCompletionSource();
        var db = dir.File("crash.db");
        Assert.Equal(0, VigilRun.Run("feeds", "add", site.Url("/wire/rss").ToString(), "--name", "The Wire", "--db", db).Code);
        var requestsBefore = site.Hits($"/wire/{Stories - 1}");
        using (var server = Serve(db))
        {
            // Killed once the held page is asked for and the other items are done.
            await WaitUntilAsync(() => site.Hits($"/wire/{Stories - 1}") > requestsBefore && Done(db) == Stories - 1, server);
            Assert.True(Worker.Kill(server), "the server was still running when killed");
        }
        using (var half = DatabaseLocation.Parse(db).Open())
            Assert.Equal(Stories, half.Feeds.Items(half.Feeds.List().Single().Id, 100).Count); // every item stored before the kill

        hold.SetResult();
        using (var server = Serve(db))
        {
            await WaitUntilAsync(() => Done(db) == Stories, server);
            Worker.Kill(server);
        }
        var actual = Snapshot(db);
        Assert.Equal(expected.Articles, actual.Articles);
        Assert.Equal(expected.Candidates, actual.Candidates);
        Assert.All(actual.Sources, s => Assert.Equal(1, s));
    }

    private sealed record State(List<string> Articles, List<string> Candidates, List<int> Sources);

    /// <summary>What the feed's items became: the articles' texts, the candidates (kind and summary) and each article's number of sources.</summary>
    private static State Snapshot(string path)
    {
        using var db = DatabaseLocation.Parse(path).Open();
        var candidates = db.Candidates.List(null, 10_000);
        var articles = candidates.Select(c => c.ArticleRef!.Value).Distinct().ToList();
        return new State(
            [.. articles.Select(a => db.Candidates.ArticleOf(candidates.First(c => c.ArticleRef == a).Id)!.Text).Order(StringComparer.Ordinal)],
            [.. candidates.Select(c => $"{c.ArticleId} {c.Kind} {c.Summary}").Order(StringComparer.Ordinal)],
            [.. articles.Select(a => db.Candidates.SourcesOf(a).Count)]);
    }

    private static int Done(string path)
    {
        try
        {
            using var db = DatabaseLocation.Parse(path).Open();
            return db.Feeds.List().Sum(f => db.Feeds.Items(f.Id, 100).Count(i => i.State == "done"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return -1; // the server holds the database for a moment (first run, migration)
        }
    }

    private static System.Diagnostics.Process Serve(string db)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        return Worker.Start(["cli", "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}", "--feeds-allow-private", "--anonymous-read"]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, System.Diagnostics.Process server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            Assert.False(server.HasExited, "the server stopped on its own");
            Assert.True(DateTime.UtcNow < deadline, "the server did not get there within two minutes");
            await Task.Delay(200, Ct);
        }
    }
}
