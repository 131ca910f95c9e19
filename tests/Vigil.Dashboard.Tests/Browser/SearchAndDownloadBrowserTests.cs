using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using nietras.SeparatedValues;
using Vigil.Dashboard.Tests.Support;
using Vigil.Domain.Incidents;
using Vigil.TestSupport;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>
/// The filters a person sets in Chromium — a search, date pickers, a killed range — and what they lead to: the
/// incidents the API lists for the same query, a download of exactly those rows, a search that finds an incident by
/// a word of its notes or of its source's headline on SQLite and on PostgreSQL, and a matrix whose cells are the
/// series' values.
/// </summary>
public sealed class SearchAndDownloadBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private static long Number(string? text) =>
        long.Parse(Regex.Match(text ?? "", @"[\d,]+").Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(LiveServer server)
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        return (context, await context.NewPageAsync());
    }

    /// <summary>Every id the API lists for the filters, page after page (its cursor).</summary>
    private static async Task<List<long>> ApiIdsAsync(HttpClient api, string filters)
    {
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await Api.GetAsync(api, $"/api/v1/incidents?page_size=500&sort=date&{filters}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            cursor = page.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }

    [Fact]
    public async Task A_download_from_the_incidents_page_holds_exactly_the_filtered_rows()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        await page.GotoAsync("/incidents");
        await page.SelectOptionAsync("select[name=province]", "Balochistan");
        await page.FillAsync("input[name=from]", "2009-01-01");
        await page.FillAsync("input[name=to]", "2014-12-31");
        await page.FillAsync("input[name=min_killed]", "2");
        await page.FillAsync("input[name=max_killed]", "20");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex(@"/incidents\?.*max_killed=20"));
        const string filters = "from=2009-01-01&to=2014-12-31&province=Balochistan&min_killed=2&max_killed=20";
        Assert.Equal(server.Url + "/incidents?" + filters, page.Url);
        // The pickers show the days the filters stand for.
        Assert.Equal("2009-01-01", await page.InputValueAsync("input[name=from]"));
        Assert.Equal("date", await page.GetAttributeAsync("input[name=from]", "type"));

        var expected = await ApiIdsAsync(server.Api, filters);
        Assert.True(expected.Count > 50, $"only {expected.Count} incidents: the test needs more than one page of the list");
        Assert.Equal(expected.Count, Number(await page.TextContentAsync("[data-figure=total]")));
        Assert.Equal("/api/v1/exports?" + filters + "&format=csv", await page.GetAttributeAsync("a[data-format=csv]", "href"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-format=csv]"));
        var file = Path.Combine(Path.GetTempPath(), $"vigil-download-{Guid.NewGuid():N}.csv");
        try
        {
            await download.SaveAsAsync(file);
            var rows = new List<(long Id, string Province, int Killed)>();
            using (var reader = Sep.Reader().FromFile(file))
            {
                foreach (var row in reader)
                    rows.Add((long.Parse(row["id"].ToString(), CultureInfo.InvariantCulture), row["admin1"].ToString(), int.Parse(row["killed_best"].ToString(), CultureInfo.InvariantCulture)));
            }
            Assert.Equal(expected.Order(), rows.Select(r => r.Id).Order());
            Assert.All(rows, r => Assert.Equal("Balochistan", r.Province));
            Assert.All(rows, r => Assert.InRange(r.Killed, 2, 20));
        }
        finally
        {
            File.Delete(file);
        }

        // The other formats answer for the same filters (their contents are the export's own tests).
        foreach (var format in new[] { "xlsx", "geojson", "parquet" })
        {
            var href = await page.GetAttributeAsync($"a[data-format={format}]", "href");
            Assert.Equal("/api/v1/exports?" + filters + "&format=" + format, href);
            var answer = await page.APIRequest.GetAsync(href!);
            Assert.Equal(200, answer.Status);
            Assert.True((await answer.BodyAsync()).Length > 100, format);
        }
        await Screenshots.SaveAsync(page, "incidents-filtered-downloads");
    }

    /// <summary>Three incidents with words of their own in the notes and in the source's headline.</summary>
    private static (string Database, long Fruit, long Kuchlak) Seeded(TempDirectory folder, string backend)
    {
        var database = TestDatabases.Empty(folder, backend);
        Incident Worded(int day, string notes, string headline) => TestDatabases.Sample(new DateOnly(2023, 3, day)) with
        {
            Notes = notes,
            Sources = [new SourceReference("Dawn", new DateOnly(2023, 3, day), headline, $"https://www.dawn.com/news/{day}")],
        };
        var fruit = TestDatabases.Create(database, Worded(4, "A pressure-cooker device hidden in a fruit cart went off near the market.", "Blast in Quetta"));
        var kuchlak = TestDatabases.Create(database, Worded(9, "Gunmen on motorcycles fired at a police mobile.", "Policemen martyred in Kuchlak attack"));
        TestDatabases.Create(database, Worded(15, "A grenade was thrown at a shop.", "Grenade attack on shop"));
        return (database, fruit.Id, kuchlak.Id);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_search_finds_an_incident_by_a_word_of_its_notes_and_of_its_source_headline(string backend)
    {
        long fruit = 0, kuchlak = 0;
        await using var server = await LiveServer.StartAsync(folder =>
        {
            var (database, f, k) = Seeded(folder, backend);
            (fruit, kuchlak) = (f, k);
            return database;
        });
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        foreach (var (text, id) in new[] { ("fruit", fruit), ("KUCHLAK", kuchlak), ("\"police mobile\"", kuchlak), ("pressure-cook*", fruit) })
        {
            await page.GotoAsync("/incidents");
            await page.FillAsync("input[name=q]", text);
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync(new Regex(@"/incidents\?q="));

            Assert.Equal(1, Number(await page.TextContentAsync("[data-figure=total]")));
            Assert.Equal($"/incidents/{id}", await page.GetAttributeAsync("table.incidents tbody tr:first-child td:first-child a", "href"));
            Assert.Equal(text, await page.InputValueAsync("input[name=q]"));
            Assert.Contains("search", await page.TextContentAsync("#list-summary") ?? "", StringComparison.Ordinal);
            // The API, asked the same question, lists the same incident.
            Assert.Equal([id], await ApiIdsAsync(server.Api, "q=" + Uri.EscapeDataString(text)));
        }
        Assert.Equal(2, await Api.IncidentTotalAsync(server.Api, "q=" + Uri.EscapeDataString("attack*")));
        Assert.Equal(0, await Api.IncidentTotalAsync(server.Api, "q=" + Uri.EscapeDataString("fruit kuchlak")));
        await Screenshots.SaveAsync(page, "incidents-search-" + backend);
    }

    [Fact]
    public async Task The_matrix_shows_the_series_values_cell_for_cell()
    {
        await using var server = await LiveServer.StartAsync();
        var (context, page) = await OpenAsync(server);
        await using var _ = context;

        await page.GotoAsync("/matrix");
        await page.SelectOptionAsync("select[name=metric]", "killed");
        await page.SelectOptionAsync("select[name=breakdown]", "province");
        await page.FillAsync("input[name=from]", "1985-01-01");
        await page.FillAsync("input[name=to]", "1995-12-31");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex(@"/matrix\?.*metric=killed"));

        var cells = await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('table.matrix tbody td')].map(td => [td.parentElement.dataset.period, td.dataset.key, td.textContent.trim()])");
        var series = await Api.GetAsync(server.Api, "/api/v1/statistics/series?by=year&breakdown=province&metric=killed&from=1985-01-01&to=1995-12-31");
        var rows = series.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(cells);
        Assert.Equal(rows.Count, cells.Length);
        foreach (var cell in cells)
        {
            var row = rows.Single(r => r.GetProperty("period").GetString() == cell[0]
                && (r.GetProperty("key").GetString() ?? "not known") == cell[1]);
            var killed = row.GetProperty("killed_best");
            if (row.GetProperty("coverage").GetString() == "none")
                Assert.Equal("no data", cell[2]);
            else if (killed.ValueKind == JsonValueKind.Null)
                Assert.Contains(cell[2], new[] { "unknown", "not recorded" });
            else
                Assert.Equal(killed.GetInt64(), Number(cell[2]));
        }
        // UCDP GED begins in 1989: the years before it are "no data", not zero.
        Assert.Equal("no data", await page.TextContentAsync("tr[data-period='1985'] td >> nth=0"));
        Assert.Contains(cells, c => c[0] == "1990" && c[2] != "no data" && Number(c[2]) > 0);
        await Screenshots.SaveAsync(page, "matrix");
    }
}
