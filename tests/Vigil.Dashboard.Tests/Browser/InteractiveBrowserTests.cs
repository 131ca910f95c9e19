using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>
/// The interactive parts of the dashboard in a real headless Chromium, each figure compared with the API's: the trend
/// chart (uPlot) with the whole history, a value under the pointer, a range selector and zoom; the district map
/// (Leaflet) that zooms and names a district with its figures under the pointer; and the paste-an-article check.
/// </summary>
public sealed class InteractiveBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(LiveServer server)
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 1280, Height = 1000 } });
        return (context, await context.NewPageAsync());
    }

    private static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_trend_holds_the_whole_history_and_shows_the_month_under_the_pointer()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;
        var series = await Api.GetAsync(server.Api, "/api/v1/statistics/series?by=month&metric=killed&country=Pakistan&province=Balochistan");
        var rows = series.GetProperty("rows").EnumerateArray().ToList();

        await page.GotoAsync("/?month=2014-06&province=Balochistan");
        var chart = page.Locator(".interactive-chart.enhanced");
        await chart.WaitForAsync();
        // The whole history of the page's scope, shown first as the 24 months up to the page's month.
        Assert.Equal(rows.Count.ToString(CultureInfo.InvariantCulture), await chart.GetAttributeAsync("data-months"));
        Assert.Equal("2012-07/2014-06", await chart.GetAttributeAsync("data-range"));
        Assert.True(await page.Locator(".interactive-chart.enhanced > figure.chart").IsHiddenAsync(), "the server's picture stays only as the fallback");

        // The pointer on March 2014: the figures of that month, as the API gives them.
        var march = rows.Single(r => r.GetProperty("period").GetString() == "2014-03");
        await PointAtMonthAsync(page, "2014-03");
        var status = page.Locator(".interactive-chart .chart-value");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-period", "2014-03");
        var text = await status.TextContentAsync();
        Assert.StartsWith("March 2014: ", text, StringComparison.Ordinal);
        Assert.Contains($"{Number(march.GetProperty("incidents").GetInt64())} incident", text, StringComparison.Ordinal);
        Assert.Contains($"{Number(march.GetProperty("killed_best").GetInt64())} killed", text, StringComparison.Ordinal);

        // The range selector: the whole history, then five years.
        await page.ClickAsync(".chart-ranges button[data-months='0']");
        Assert.Equal($"{rows[0].GetProperty("period").GetString()}/{rows[^1].GetProperty("period").GetString()}", await chart.GetAttributeAsync("data-range"));
        await page.ClickAsync(".chart-ranges button[data-months='60']");
        Assert.Equal("2009-07/2014-06", await chart.GetAttributeAsync("data-range"));
        Assert.Equal("true", await page.GetAttributeAsync(".chart-ranges button[data-months='60']", "aria-pressed"));

        // Dragging across a stretch of the chart zooms to it.
        var box = (await page.Locator(".interactive-chart .u-over").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.4f), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.6f), box.Y + (box.Height / 2), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        var zoomed = (await chart.GetAttributeAsync("data-range"))!.Split('/');
        Assert.True(string.CompareOrdinal(zoomed[0], "2009-07") > 0 && string.CompareOrdinal(zoomed[1], "2014-06") < 0, string.Join("/", zoomed));
        await Screenshots.SaveAsync(page, "overview-interactive-trend");
    }

    /// <summary>Moves the mouse over the chart at the month's position on its x axis.</summary>
    private static async Task PointAtMonthAsync(IPage page, string month)
    {
        var at = await page.EvaluateAsync<double[]>("""
            (month) => {
              const box = document.querySelector('.interactive-chart');
              const u = box._vigilChart;
              const [y, m] = month.split('-').map(Number);
              const x = u.valToPos(Date.UTC(y, m - 1, 1) / 1000, 'x');
              const r = u.over.getBoundingClientRect();
              return [r.left + x, r.top + r.height / 2];
            }
            """, month);
        await page.Mouse.MoveAsync((float)at[0], (float)at[1]);
    }

    [Fact]
    public async Task The_map_zooms_and_names_a_district_with_its_figures_under_the_pointer()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        await page.GotoAsync("/map?from=2014-01-01&to=2014-12-31");
        var map = page.Locator(".map.enhanced");
        await map.WaitForAsync();
        Assert.True(await page.Locator(".map.enhanced > figure.chart").IsHiddenAsync(), "the server's picture stays only as the fallback");
        Assert.True(await page.Locator(".map path.district").CountAsync() > 100, "every district is drawn");

        // The district with the most incidents: its figures from the API, for the same dates and district.
        var top = page.Locator("table tbody tr").First;
        var district = (await top.Locator("td").First.TextContentAsync())!.Trim();
        var incidents = await Api.IncidentTotalAsync(server.Api, $"from=2014-01-01&to=2014-12-31&district={Uri.EscapeDataString(district)}");
        var killed = (long)(await Api.GetAsync(server.Api, $"/api/v1/statistics/series?by=year&metric=killed&from=2014-01-01&to=2014-12-31&district={Uri.EscapeDataString(district)}"))
            .GetProperty("rows")[0].GetProperty("killed_best").GetDouble();

        // Zoom in with the control until the district names show.
        var before = double.Parse((await map.GetAttributeAsync("data-zoom"))!, CultureInfo.InvariantCulture);
        Assert.Equal(0, await page.Locator(".map .district-label").CountAsync());
        for (var i = 0; i < 6 && double.Parse((await map.GetAttributeAsync("data-zoom"))!, CultureInfo.InvariantCulture) < 7; i++)
        {
            var zoom = await map.GetAttributeAsync("data-zoom");
            await page.ClickAsync(".leaflet-control-zoom-in");
            await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-zoom", zoom!);
        }
        Assert.True(double.Parse((await map.GetAttributeAsync("data-zoom"))!, CultureInfo.InvariantCulture) > before);
        Assert.True(await page.Locator(".map .district-label").CountAsync() > 10, "district names show once zoomed in");

        // Centre the district and point at a place inside it: the tooltip names it with the API's figures.
        var at = await page.EvaluateAsync<double[]>("""
            async (name) => {
              const box = document.querySelector('.map');
              const map = box._vigilMap;
              const data = await (await fetch(box.getAttribute('data-geojson'))).json();
              const p = data.points.find(x => x.district === name);
              map.setView([p.lat, p.lon], map.getZoom(), { animate: false });
              const pt = map.latLngToContainerPoint([p.lat, p.lon]);
              const r = map.getContainer().getBoundingClientRect();
              return [r.left + pt.x, r.top + pt.y];
            }
            """, district);
        await page.Mouse.MoveAsync((float)at[0] - 3, (float)at[1] - 3);
        await page.Mouse.MoveAsync((float)at[0], (float)at[1], new() { Steps = 3 });
        var tip = page.Locator(".leaflet-tooltip.district-tooltip");
        await tip.WaitForAsync();
        var text = await tip.TextContentAsync();
        Assert.StartsWith(district + ",", text, StringComparison.Ordinal);
        Assert.Contains($"{Number(killed)} killed · {Number(incidents)} incident", text, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "map-interactive-zoomed");
    }

    [Fact]
    public async Task A_pasted_article_shows_each_statistic_with_the_APIs_verdict_marked_in_its_text()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;
        const string article = "ISLAMABAD: June 2014 was the deadliest month in two years. Militant violence left 671 people dead across "
            + "Pakistan in June 2014, the institute said, while Balochistan alone saw 40 people killed in May 2014.";

        await page.GotoAsync("/claims");
        await page.FillAsync("#article-text", article);
        await page.UncheckAsync("input[name=html]");
        await page.FillAsync("form.article-check input[name=published]", "2014-07-02");
        await page.ClickAsync("form.article-check button[type=submit]");
        var rows = page.Locator("table.article-statistics tbody tr");
        await rows.First.WaitForAsync();

        var response = await server.Api.PostAsJsonAsync("/api/v1/claims/extract-and-check", new { text = article, published = "2014-07-02" }, TestContext.Current.CancellationToken);
        var api = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("statistics").EnumerateArray().ToList();
        Assert.True(api.Count >= 2, $"the API found {api.Count} statistics");
        Assert.Equal(api.Count, await rows.CountAsync());
        for (var i = 0; i < api.Count; i++)
        {
            Assert.Equal(api[i].GetProperty("verdict").GetString(), await rows.Nth(i).GetAttributeAsync("data-verdict"));
            // Each statistic is marked in the article, numbered as in the table.
            var evidence = api[i].GetProperty("evidence").GetProperty("text").GetString()!;
            var marked = await page.Locator($".article-text mark#mark-{i + 1}").EvaluateAsync<string>("m => m.firstChild.textContent");
            Assert.Equal(evidence, marked);
        }
        await Screenshots.SaveAsync(page, "claims-article");
    }
}
