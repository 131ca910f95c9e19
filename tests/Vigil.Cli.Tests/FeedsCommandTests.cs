using Vigil.Cli.Infrastructure;
using Vigil.TestSupport.Web;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>vigil feeds add|list|remove|poll</c> against a loopback site: a feed is watched, read now, listed with its
/// status (plain in a pipe), and removed; bad input names the argument or option and exits 2; an unknown feed exits 4;
/// a feed that fails makes the poll exit 5 with its error.
/// </summary>
public sealed class FeedsCommandTests : IAsyncDisposable
{
    private readonly Cli _cli = new() { Piped = true };
    private LoopbackSite? _site;

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        if (_site is not null)
            await _site.DisposeAsync();
    }

    [Fact]
    public async Task A_feed_is_added_read_now_listed_and_removed()
    {
        _site = await LoopbackSite.StartAsync(TestContext.Current.CancellationToken);
        var items = Enumerable.Range(0, 2).Select(s => new FixtureItem($"n-{s}", _site.Url($"/n/{s}").ToString(), $"Story {s}", new DateTimeOffset(2026, 11, 2 + s, 8, 0, 0, TimeSpan.Zero))).ToList();
        for (var s = 0; s < 2; s++)
            _site.Text($"/n/{s}", FeedFixtures.Page("North Times", $"Story {s}", FeedFixtures.Stories[s]), "text/html");
        _site.Text("/atom", FeedFixtures.Atom("North Times", items), "application/atom+xml");

        var empty = _cli.Run("feeds", "list");
        Assert.Equal(ExitCodes.Success, empty.ExitCode);
        Assert.Contains("No feeds are watched", empty.Output, StringComparison.Ordinal);

        var added = _cli.Run("feeds", "add", _site.Url("/atom").ToString(), "--name", "North Times", "--every", "2h");
        Assert.Equal(ExitCodes.Success, added.ExitCode);
        Assert.Contains("watching feed 1: North Times", added.Output, StringComparison.Ordinal);

        var poll = _cli.Run("feeds", "poll", "--allow-private");
        Assert.True(poll.ExitCode == ExitCodes.Success, poll.Output + poll.Error);
        Assert.Contains("feed 1 North Times: 2 new items", poll.Output, StringComparison.Ordinal);
        Assert.Contains("items: 2 new articles queued for review, 0 repeats kept as sources", poll.Output, StringComparison.Ordinal);

        var again = _cli.Run("feeds", "poll", "1", "--allow-private");
        Assert.Contains("feed 1 North Times: 0 new items", again.Output, StringComparison.Ordinal);

        var list = _cli.Run("feeds", "list");
        // Plain in a pipe: tab-separated, a header line, then id, name, every, last read well, items, pending, failed, last error, url.
        var row = list.Output.Split('\n').Single(l => l.Contains("North Times", StringComparison.Ordinal)).TrimEnd('\r').Split('\t');
        Assert.Equal(["1", "North Times", "2h", "2026-11-01 09:00", "2", "0", "0", "", _site.Url("/atom").ToString()], row);

        Assert.Equal(ExitCodes.Success, _cli.Run("feeds", "remove", "1").ExitCode);
        Assert.Contains("No feeds are watched", _cli.Run("feeds", "list").Output, StringComparison.Ordinal);
        var gone = _cli.Run("feeds", "remove", "1");
        Assert.Equal((ExitCodes.NotFound, true), (gone.ExitCode, gone.Error.Contains("no feed 1", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ftp://example.org/rss", null, "URL:")]
    [InlineData("https://example.org/rss", "5s", "--every:")]
    [InlineData("https://example.org/rss", "often", "--every:")]
    public void A_feed_that_cannot_be_watched_names_the_argument_and_exits_2(string url, string? every, string named)
    {
        var result = every is null ? _cli.Run("feeds", "add", url) : _cli.Run("feeds", "add", url, "--every", every);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Contains("No feeds are watched", _cli.Run("feeds", "list").Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_that_fails_makes_the_poll_exit_5_with_its_error()
    {
        _site = await LoopbackSite.StartAsync(TestContext.Current.CancellationToken);
        _site.Status("/rss", 404);
        _cli.Run("feeds", "add", _site.Url("/rss").ToString(), "--name", "Gone");
        var poll = _cli.Run("feeds", "poll", "--allow-private");
        Assert.Equal(ExitCodes.Failed, poll.ExitCode);
        Assert.Contains("feed 1 Gone: failed: HTTP 404", poll.Output, StringComparison.Ordinal);
        // Without --allow-private the loopback address is refused, and says so.
        var strict = _cli.Run("feeds", "poll");
        Assert.Contains("private or local address", strict.Output, StringComparison.Ordinal);
    }
}
