using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>
/// Each page in a real headless Chromium against the real server: load it, apply a filter through its form,
/// and check that the number it shows is what the API answers for the same filter. Screenshots of every
/// page are kept for a person to look at.
/// </summary>
public sealed class BrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private static long Number(string? text) =>
        long.Parse(Regex.Match(text ?? "", @"[\d,]+").Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(LiveServer server)
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 1280, Height = 900 } });
        return (context, await context.NewPageAsync());
    }

    [Fact]
    public async Task Overview_filtered_by_month_and_province_shows_the_APIs_figures()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        await page.GotoAsync("/");
        await page.FillAsync("input[name=month]", "2014-06");
        await page.SelectOptionAsync("select[name=province]", "Balochistan");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/?month=2014-06&province=Balochistan");

        var shown = Number(await page.TextContentAsync("[data-figure=killed] .value"));
        Assert.Equal(await Api.OverviewHeadlineAsync(server.Api, "month=2014-06&province=Balochistan", "Killed"), shown);
        Assert.Equal(1, await page.Locator("figure.chart svg").First.CountAsync());
        await Screenshots.SaveAsync(page, "overview");
    }

    [Fact]
    public async Task Map_filtered_by_dates_and_type_counts_the_APIs_incidents()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        await page.GotoAsync("/map");
        // The dates are pickers: a whole year is its first and last day.
        await page.FillAsync("input[name=from]", "2014-01-01");
        await page.FillAsync("input[name=to]", "2014-12-31");
        await page.SelectOptionAsync("select[name=type]", "armed-clash");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/map?from=2014-01-01&to=2014-12-31&type=armed-clash");

        var shown = Number(await page.TextContentAsync("#map-summary [data-figure=incidents]"));
        Assert.Equal(await Api.IncidentTotalAsync(server.Api, "from=2014&to=2014&type=armed-clash"), shown);
        Assert.True(await page.Locator("figure.chart svg ellipse").CountAsync() > 10);
        await Screenshots.SaveAsync(page, "map");
    }

    [Fact]
    public async Task Incidents_filtered_and_sorted_by_killed_match_the_API_and_open_one()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        await page.GotoAsync("/incidents");
        await page.SelectOptionAsync("select[name=province]", "Khyber Pakhtunkhwa");
        await page.FillAsync("input[name=from]", "2014-01-01");
        await page.FillAsync("input[name=to]", "2014-12-31");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/incidents?from=2014-01-01&to=2014-12-31&province=Khyber+Pakhtunkhwa");
        await page.ClickAsync("th a:has-text('Killed')");
        await page.WaitForURLAsync(new Regex("sort=killed"));

        const string filters = "from=2014&to=2014&province=Khyber%20Pakhtunkhwa";
        Assert.Equal(await Api.IncidentTotalAsync(server.Api, filters), Number(await page.TextContentAsync("[data-figure=total]")));
        var deadliest = await Api.FirstIncidentAsync(server.Api, filters + "&sort=killed&desc=true");
        var firstRowKilled = await page.TextContentAsync("table.incidents tbody tr:first-child td:nth-child(5)");
        Assert.Equal(deadliest.GetProperty("killed").GetProperty("best").GetInt64(), Number(firstRowKilled));
        await Screenshots.SaveAsync(page, "incidents");

        await page.ClickAsync("table.incidents tbody tr:first-child td:first-child a");
        await page.WaitForURLAsync(new Regex(@"/incidents/\d+$"));
        Assert.Equal($"Incident {deadliest.GetProperty("id").GetInt64()}", await page.TextContentAsync("h1"));
        Assert.Equal(1, await page.Locator("tr[data-revision='1']").CountAsync());
        await Screenshots.SaveAsync(page, "incident");
    }

    [Fact]
    public async Task An_analyst_signs_in_edits_an_incident_and_sees_the_new_revision()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;
        var incident = await Api.FirstIncidentAsync(server.Api, "from=2014-06&to=2014-06&sort=killed&desc=true");
        var id = incident.GetProperty("id").GetInt64();
        var newKilled = incident.GetProperty("killed").GetProperty("best").GetInt64() + 3;

        await page.GotoAsync($"/signin?return=%2Fincidents%2F{id}");
        await page.FillAsync("#key", server.AnalystKey);
        await Screenshots.SaveAsync(page, "signin");
        await page.ClickAsync("form.signin button[type=submit]");
        await page.WaitForURLAsync($"**/incidents/{id}");
        Assert.Contains("Signed in as amina (analyst)", await page.TextContentAsync("header .who"));

        await page.ClickAsync("a:has-text('Edit')");
        await page.WaitForURLAsync($"**/incidents/{id}/edit");
        await page.FillAsync("#f-killed_best", "many");
        await page.ClickAsync("button:has-text('Save')");
        Assert.Contains("killed_best", await page.TextContentAsync("#form-error"));
        Assert.Equal("true", await page.GetAttributeAsync("#f-killed_best", "aria-invalid"));
        await Screenshots.SaveAsync(page, "edit-error");

        await page.FillAsync("#f-killed_best", newKilled.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#f-reason", "a second source gives more");
        await Screenshots.SaveAsync(page, "edit");
        await page.ClickAsync("button:has-text('Save')");
        await page.WaitForURLAsync($"**/incidents/{id}?saved=2");

        var history = await page.TextContentAsync("tr[data-revision='2']");
        Assert.Contains("key:amina", history);
        Assert.Contains($"killed_best: {incident.GetProperty("killed").GetProperty("best").GetInt64()} → {newKilled}", Regex.Replace(history!, @"\s+", " ").Replace(" :", ":", StringComparison.Ordinal));
        var stored = await Api.GetAsync(server.Api, $"/api/v1/incidents/{id}");
        Assert.Equal(newKilled, stored.GetProperty("killed").GetProperty("best").GetInt64());
        await Screenshots.SaveAsync(page, "incident-edited");
    }

    [Fact]
    public async Task A_viewer_is_shown_that_editing_needs_an_analyst()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        await page.GotoAsync("/signin");
        await page.FillAsync("#key", server.ViewerKey);
        await page.ClickAsync("form.signin button[type=submit]");
        await page.WaitForURLAsync(server.Url + "/");
        var response = await page.GotoAsync("/incidents/1/edit");

        Assert.Equal(403, response!.Status);
        Assert.Contains("This page needs the analyst role or higher", await page.TextContentAsync("main"));
        await Screenshots.SaveAsync(page, "forbidden");
    }

    [Fact]
    public async Task Claims_checked_in_the_form_give_the_APIs_verdict_and_number()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        await page.GotoAsync("/claims");
        await page.SelectOptionAsync("select[name=metric]", "killed");
        await page.SelectOptionAsync("select[name=qualifier]", "about");
        await page.FillAsync("input[name=value]", "300");
        await page.FillAsync("input[name=period]", "2014-06");
        await page.FillAsync("input[name=change]", "30");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex("metric=killed"));

        var api = (await Api.CheckAsync(server.Api, """
            {"metric": "killed", "value": 300, "qualifier": "about", "period": "2014-06", "comparison": {"kind": "change", "percent": 30, "against": "previous-period"}}
            """))[0];
        Assert.Equal(api.GetProperty("verdict").GetString(), await page.GetAttributeAsync("section.claim-check", "data-verdict"));
        Assert.Equal((long)api.GetProperty("parts")[0].GetProperty("computed").GetDouble(), Number(await page.TextContentAsync("[data-figure=computed]")));
        await Screenshots.SaveAsync(page, "claims");
    }

    [Fact]
    public async Task Reports_page_links_the_chosen_month_and_province_to_the_assessment()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        await page.GotoAsync("/reports");
        await page.FillAsync("input[name=month]", "2014-06");
        await page.SelectOptionAsync("select[name=province]", "Balochistan");
        await page.ClickAsync("form.filters button[type=submit]");
        // Wait for the navigation to the chosen month, then hold the whole address to what the form must send (a
        // mismatch then fails with the address itself rather than as a timeout).
        await page.WaitForURLAsync(new Regex(@"/reports\?.*month=2014-06"));
        Assert.Equal(server.Url + "/reports?month=2014-06&province=Balochistan", page.Url);

        Assert.Equal("/api/v1/reports/monthly?month=2014-06&format=pdf&province=Balochistan", await page.GetAttributeAsync("a:has-text('Download PDF')", "href"));
        var report = await page.APIRequest.GetAsync(await page.GetAttributeAsync("a:has-text('Open as HTML')", "href") ?? "");
        Assert.Equal(200, report.Status);
        Assert.Contains("Security assessment — June 2014", await report.TextAsync());
        await Screenshots.SaveAsync(page, "reports");
    }
}
