using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>The scorecard and crossings pages in a real headless Chromium, checked against the API.</summary>
public sealed class AccountabilityBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task From_the_scorecard_the_nav_leads_to_the_crossings_whose_status_matches_the_API()
    {
        await using var server = await LiveServer.StartAsync();
        WorkedExample.Load(server.Database);
        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/scorecard");
        Assert.Equal(2, await page.Locator("section.party").CountAsync());
        await Screenshots.SaveAsync(page, "scorecard");

        await page.ClickAsync("nav a:has-text('Crossings')");
        await page.WaitForURLAsync("**/crossings");
        var api = JsonDocument.Parse(await server.Api.GetStringAsync("/api/v1/crossings/torkham", TestContext.Current.CancellationToken)).RootElement;
        var shown = (await page.TextContentAsync("tr[data-crossing=torkham] td.status .verdict"))?.Trim();
        Assert.Equal(api.GetProperty("status").GetString(), shown);
        Assert.Equal(api.GetProperty("episodes").GetArrayLength(), await page.Locator("svg.closure-timeline rect.closure").CountAsync());
        Assert.True(await page.Locator("svg.closure-timeline").IsVisibleAsync());
        await Screenshots.SaveAsync(page, "crossings");
    }
}
