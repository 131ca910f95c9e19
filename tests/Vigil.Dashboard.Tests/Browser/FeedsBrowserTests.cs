using Microsoft.AspNetCore.Http;
using Vigil.Application.Feeds;
using Vigil.TestSupport.Web;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>
/// The Feeds page in a real headless Chromium: an admin watches a feed on a loopback site, the server's background
/// poller reads it and the page shows its items processed; a failing feed shows its error; "Read now" reads again.
/// </summary>
public sealed class FeedsBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_watches_a_feed_and_sees_its_items_read_and_a_failing_feed_s_error()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var site = await LoopbackSite.StartAsync(ct);
        var items = Enumerable.Range(0, 2).Select(s => new FixtureItem($"kp-{s}", site.Url($"/news/{s}").ToString(), $"Story {s + 1} from Bannu and Dera Ismail Khan",
            new DateTimeOffset(2026, 11, 2 + s, 8, 0, 0, TimeSpan.Zero))).ToList();
        for (var s = 0; s < 2; s++)
            site.Text($"/news/{s}", FeedFixtures.Page("KP Daily", items[s].Title, FeedFixtures.Stories[s]), "text/html");
        site.Text("/rss", FeedFixtures.Rss("KP Daily", items), "application/rss+xml");
        site.Status("/broken", StatusCodes.Status500InternalServerError);
        await using var server = await LiveServer.StartAsync(configure: o => o with { Feeds = new FeedOptions { AllowPrivateAddresses = true, RetryDelay = TimeSpan.FromMilliseconds(50) } });

        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin?return=%2Ffeeds");
        await page.FillAsync("#key", server.AdminKey);
        await page.ClickAsync("form.signin button[type=submit]");
        await page.WaitForURLAsync("**/feeds");
        Assert.Contains("No feeds are watched yet", await page.TextContentAsync("main"));
        Assert.Equal(1, await page.Locator("header nav a[href='/feeds']").CountAsync());

        await page.FillAsync("form.feed-form input[name=url]", site.Url("/rss").ToString());
        await page.FillAsync("form.feed-form input[name=name]", "KP Daily");
        await page.FillAsync("form.feed-form input[name=every]", "2h");
        await page.ClickAsync("form.feed-form button[type=submit]");
        await page.WaitForURLAsync("**/feeds?done=*");
        Assert.Contains("feed 1 (KP Daily) added", await page.TextContentAsync("p.message"));

        await page.FillAsync("form.feed-form input[name=url]", site.Url("/broken").ToString());
        await page.FillAsync("form.feed-form input[name=name]", "Broken Times");
        await page.ClickAsync("form.feed-form button[type=submit]");
        await page.WaitForURLAsync("**/feeds?done=*");

        // The background poller, woken by the adds, reads both: the page shows the items done and the other feed's error.
        for (var wait = 0; wait < 100; wait++)
        {
            await page.GotoAsync("/feeds");
            if (await page.Locator("tr[data-feed='1'] + tr.items .state.done").CountAsync() == 2 && await page.Locator("tr[data-feed='2'].failing").CountAsync() == 1)
                break;
            await Task.Delay(200, ct);
        }
        Assert.Equal(2, await page.Locator("tr[data-feed='1'] + tr.items .state.done").CountAsync());
        Assert.Equal("2", (await page.TextContentAsync("tr[data-feed='1'] td:nth-child(4)"))!.Trim());
        Assert.Contains("HTTP 500", await page.TextContentAsync("tr[data-feed='2'] td.last-error"));
        await Screenshots.SaveAsync(page, "feeds");

        await page.ClickAsync("tr[data-feed='1'] button:has-text('Read now')");
        await page.WaitForURLAsync("**/feeds?done=*");
        Assert.Contains("feed 1 read: 0 new items; 0 articles queued", await page.TextContentAsync("p.message"));

        // The stories wait in the review queue, with their outlet.
        await page.GotoAsync("/review");
        Assert.Contains("KP Daily", await page.TextContentAsync("main"));

        // An analyst has no Feeds link and is refused the page.
        var analyst = await (await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url })).NewPageAsync();
        await analyst.GotoAsync("/signin?return=%2Freview");
        await analyst.FillAsync("#key", server.AnalystKey);
        await analyst.ClickAsync("form.signin button[type=submit]");
        await analyst.WaitForURLAsync("**/review");
        Assert.Equal(0, await analyst.Locator("header nav a[href='/feeds']").CountAsync());
        var refused = await analyst.GotoAsync("/feeds");
        Assert.Equal(403, refused!.Status);
    }
}
