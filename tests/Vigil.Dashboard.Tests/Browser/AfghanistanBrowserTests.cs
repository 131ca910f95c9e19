using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using nietras.SeparatedValues;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>
/// The map in a real headless Chromium over the bundled UCDP data with Afghan events added in UCDP's layout: both
/// countries drawn, and an Afghan province picked from the form's list shows its events on the Afghan districts.
/// </summary>
public sealed class AfghanistanBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_map_draws_Afghanistan_beside_Pakistan_and_a_chosen_Afghan_province_on_its_districts()
    {
        await using var server = await LiveServer.StartAsync(TestDatabases.UcdpWithAfghanistan);
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 1280, Height = 900 } });
        await using var _ = context;
        var page = await context.NewPageAsync();

        await page.GotoAsync("/map");
        Assert.Equal("AFG PAK", await page.GetAttributeAsync("div.map", "data-countries"));
        Assert.Contains("Afghanistan and Pakistan", await page.TextContentAsync("div.map figcaption"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "map-afghanistan-and-pakistan");

        // Nangarhar is offered under Afghanistan in the province list.
        Assert.Equal(1, await page.Locator("select[name=province] optgroup[label=Afghanistan] option[value=Nangarhar]").CountAsync());
        await page.SelectOptionAsync("select[name=province]", "Nangarhar");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex("province=Nangarhar"));

        var shown = long.Parse(await page.TextContentAsync("#map-summary [data-figure=incidents]") ?? "", CultureInfo.InvariantCulture);
        Assert.Equal(await Api.IncidentTotalAsync(server.Api, "from=2021-01&to=2021-12&province=Nangarhar"), shown);
        Assert.Equal(2, shown);
        Assert.Equal("AFG", await page.GetAttributeAsync("div.map", "data-countries"));
        Assert.Contains("— Nangarhar", await page.TextContentAsync("div.map figcaption"), StringComparison.Ordinal);
        foreach (var district in new[] { "Jalalabad", "Achin" })
        {
            var row = page.Locator("tr", new() { Has = page.Locator($"td a:text-is('{district}')") });
            Assert.Equal("AFG", await row.GetAttributeAsync("data-layer"));
        }
        // Two circles (fill and outline each) and the legend's reference circle, drawn in the browser.
        Assert.Equal(5, await page.Locator("div.map svg ellipse").CountAsync());
        await Screenshots.SaveAsync(page, "map-nangarhar");
    }

    [Fact]
    public async Task The_2026_fighting_between_the_two_states_shows_on_both_sides_of_the_border()
    {
        // The real UCDP Candidate release: the events of the interstate dyad, counted from the file itself.
        var file = Vigil.TestSupport.RepoFiles.BundledUcdpCandidate;
        using var reader = Sep.Reader().FromFile(file);
        var expected = new Dictionary<string, int>();
        foreach (var row in reader)
        {
            if (row["dyad_name"].ToString() is "Government of Afghanistan - Government of Pakistan")
                expected[row["country"].ToString()] = expected.GetValueOrDefault(row["country"].ToString()) + 1;
        }
        Assert.True(expected.GetValueOrDefault("Afghanistan") > 0 && expected.GetValueOrDefault("Pakistan") > 0, "the file has the dyad on both sides");

        await using var server = await LiveServer.StartAsync(TestDatabases.UcdpWithCandidate);
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 1280, Height = 900 } });
        await using var _ = context;
        var page = await context.NewPageAsync();

        await page.GotoAsync("/map?from=2026-01-01&to=2026-07-31&type=cross-border-attack&dataset=ucdp-candidate");
        Assert.Equal("AFG PAK", await page.GetAttributeAsync("div.map", "data-countries"));
        var shown = long.Parse(await page.TextContentAsync("#map-summary [data-figure=incidents]") ?? "", CultureInfo.InvariantCulture);
        Assert.Equal(expected.Values.Sum(), shown);
        Assert.Equal(await Api.IncidentTotalAsync(server.Api, "from=2026-01-01&to=2026-07-31&type=cross-border-attack&dataset=ucdp-candidate"), shown);

        // The interactive map colours districts on both sides with the events placed in them.
        await page.Locator("div.map.enhanced").WaitForAsync();
        var placed = await page.EvaluateAsync<Dictionary<string, int>>("""
            async () => {
              const box = document.querySelector('div.map');
              const data = await (await fetch(box.getAttribute('data-geojson'))).json();
              const by = {};
              for (const f of data.features) if (f.properties.in_scope && f.properties.incidents > 0)
                by[f.properties.country] = (by[f.properties.country] || 0) + f.properties.incidents;
              return by;
            }
            """);
        Assert.True(placed.GetValueOrDefault("Afghanistan") > 0, "Afghan districts hold events");
        Assert.True(placed.GetValueOrDefault("Pakistan") > 0, "Pakistani districts hold events");
        Assert.True(placed["Afghanistan"] <= expected["Afghanistan"] && placed["Pakistan"] <= expected["Pakistan"]);
        await Screenshots.SaveAsync(page, "map-2026-interstate");
    }
}
