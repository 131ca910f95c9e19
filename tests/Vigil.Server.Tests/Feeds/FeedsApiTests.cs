using System.Net;
using System.Text.Json;
using Vigil.Storage;
using Vigil.TestSupport.Web;

namespace Vigil.Server.Tests.Feeds;

/// <summary>
/// /api/v1/feeds: an admin watches a feed on a loopback site; the server's background poller reads it at once, and
/// "poll now" reads it on request; bad input is a 400 naming the field; a removed feed is gone (404).
/// </summary>
public sealed class FeedsApiTests : IAsyncDisposable
{
    private readonly ApiFactory _api = new(feedsAllowPrivate: true);
    private LoopbackSite? _site;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (_site is not null)
            await _site.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : Json.Body(json) };
        var response = await _api.Client(ApiRole.Admin).SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<LoopbackSite> SiteAsync()
    {
        _site = await LoopbackSite.StartAsync(Ct);
        var item = new FixtureItem("kp-1", _site.Url("/news/1").ToString(), "Check post attacked in Bannu", new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
        _site.Text("/news/1", FeedFixtures.Page("KP Daily", item.Title, FeedFixtures.Stories[0]), "text/html");
        _site.Text("/rss", FeedFixtures.Rss("KP Daily", [item]), "application/rss+xml");
        return _site;
    }

    [Fact]
    public async Task A_watched_feed_is_read_by_the_background_poller_and_its_story_queued_once()
    {
        var site = await SiteAsync();
        var (status, added) = await SendAsync(HttpMethod.Post, "/api/v1/feeds", $$"""{"url": "{{site.Url("/rss")}}", "name": "KP Daily", "every": "2h"}""");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("KP Daily", "2h"), (added.GetProperty("name").GetString(), added.GetProperty("every").GetString()));
        var id = added.GetProperty("id").GetInt64();

        // The poller is woken by the add: the item is read and done without anyone asking.
        JsonElement detail = default;
        for (var wait = 0; wait < 200; wait++)
        {
            (_, detail) = await SendAsync(HttpMethod.Get, $"/api/v1/feeds/{id}");
            if (detail.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("state").GetString() == "done"))
                break;
            await Task.Delay(100, Ct);
        }
        var item = Assert.Single(detail.GetProperty("items").EnumerateArray());
        Assert.Equal(("done", "kp-1"), (item.GetProperty("state").GetString(), item.GetProperty("guid").GetString()));
        var article = item.GetProperty("article_ref").GetInt64();
        Assert.Equal(1, detail.GetProperty("feed").GetProperty("items_seen").GetInt64());

        var review = await _api.Client(ApiRole.Viewer).GetStringAsync("/api/v1/review?status=all", Ct);
        var queued = JsonDocument.Parse(review).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(queued);
        Assert.All(queued, c => Assert.Equal("KP Daily", c.GetProperty("source").GetString()));

        // Read now: nothing new, nothing queued twice.
        var (pollStatus, poll) = await SendAsync(HttpMethod.Post, $"/api/v1/feeds/{id}/poll");
        Assert.Equal(HttpStatusCode.OK, pollStatus);
        Assert.Equal((true, 0, 0), (poll.GetProperty("ok").GetBoolean(), poll.GetProperty("new_items").GetInt32(), poll.GetProperty("articles").GetInt32()));
        review = await _api.Client(ApiRole.Viewer).GetStringAsync("/api/v1/review?status=all", Ct);
        Assert.Equal(queued.Count, JsonDocument.Parse(review).RootElement.GetArrayLength());
        Assert.Equal(2, site.Hits("/rss"));
        Assert.Equal(1, site.Hits("/news/1"));
        Assert.True(article > 0);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/feeds/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/api/v1/feeds/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, $"/api/v1/feeds/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, $"/api/v1/feeds/{id}/poll")).Status);
    }

    [Theory]
    [InlineData("""{"url": "ftp://example.org/rss"}""", "url")]
    [InlineData("""{"url": "not an address"}""", "url")]
    [InlineData("""{"url": null}""", "url")]
    [InlineData("""{"url": "https://example.org/rss", "every": "10s"}""", "every")]
    [InlineData("""{"url": "https://example.org/rss", "every": "30 minutes"}""", "every")]
    [InlineData("""{"url": "https://example.org/rss", "every": "30y"}""", "every")]
    [InlineData("""{"url": "https://example.org/rss", "every": "-5m"}""", "every")]
    public async Task A_feed_that_cannot_be_watched_is_a_400_naming_the_field(string body, string field)
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/feeds", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, (await SendAsync(HttpMethod.Get, "/api/v1/feeds")).Body.GetArrayLength());
    }

    [Fact]
    public async Task The_same_address_twice_is_refused()
    {
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Post, "/api/v1/feeds", """{"url": "https://example.org/rss", "every": "1h"}""")).Status);
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/feeds", """{"url": "https://example.org/rss"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("watched already", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_may_not_read_private_addresses_says_so_in_the_feed_status()
    {
        using var strict = new ApiFactory();
        using var client = strict.Client(ApiRole.Admin);
        var added = await client.PostAsync("/api/v1/feeds", Json.Body("""{"url": "http://127.0.0.1:9/rss"}"""), Ct);
        var id = JsonDocument.Parse(await added.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetInt64();
        var poll = JsonDocument.Parse(await (await client.PostAsync($"/api/v1/feeds/{id}/poll", null, Ct)).Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.False(poll.GetProperty("ok").GetBoolean());
        Assert.Contains("private or local address", poll.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("private or local address", poll.GetProperty("feed").GetProperty("last_error").GetString(), StringComparison.Ordinal);
    }
}
