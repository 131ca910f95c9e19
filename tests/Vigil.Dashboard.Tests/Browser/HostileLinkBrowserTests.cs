using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Dashboard.Tests.Support;
using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Input;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>
/// Issue 13, defect 8, in a real headless Chromium: with hostile source addresses stored on an incident, a
/// pending review item and an accepted claim, no link, image, frame or form on any page resolves to a
/// javascript: or data: URL.
/// </summary>
public sealed class HostileLinkBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private static readonly string[] HostileUrls =
    [
        "javascript:alert(1)", " JaVaScRiPt:alert(2)", "java\tscript:alert(3)", "\u0001javascript:alert(4)",
        "data:text/html,<script>alert(5)</script>", "vbscript:msgbox(6)", "javascript://example.org/%0aalert(7)",
    ];

    [Fact]
    public async Task No_link_on_any_page_resolves_to_a_javascript_or_data_url_for_stored_hostile_sources()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LiveServer.StartAsync();
        using var analyst = new HttpClient { BaseAddress = new Uri(server.Url) };
        analyst.DefaultRequestHeaders.Add("X-Api-Key", server.AnalystKey);

        // The API refuses hostile source addresses (the one translator checks them as the edit form does) ...
        var sources = HostileUrls.Select((u, i) => new { name = $"Source {i}", url = u }).ToList();
        var refused = await analyst.PostAsync("/api/v1/incidents", new StringContent(
            JsonSerializer.Serialize(new { date_start = "2021-12-20", event_type = "bombing", admin1 = "Sindh", admin2 = "Karachi", sources }),
            new MediaTypeHeaderValue("application/json")), ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("sources.url", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        // ... but a dataset may carry them: an incident stored with hostile source addresses.
        var incident = TestDatabases.Create(server.Database, TestDatabases.Sample(new DateOnly(2021, 12, 20), "Sindh", "Karachi") with
        {
            Sources = [.. HostileUrls.Select((u, i) => new SourceReference($"Source {i}", null, null, u))],
        }).Id;

        // A pending review item and an accepted claim, each from an article with a hostile address.
        long claimId;
        using (var store = SqliteIncidentStore.Open(server.Database))
        {
            var queue = new CandidateQueue(store);
            var text = "At least 254 people were injured in militant attacks across the country in January 2023.";
            var claim = Extraction.ArticleExtractor.Bundled.Extract(new Article("c1", text, new DateOnly(2023, 2, 24), "Dawn", HostileUrls[0])).Claims.Single();
            claimId = queue.Add([new ExtractionCandidate(0, "c1", "Dawn", HostileUrls[0], "2023-02-24", "claim", "injured at least 254",
                "254 people were injured", ClaimJson.ToJson(claim).ToJsonString(), CandidateStatus.Pending, null, "", null, null)])[0];
            var report = Vigil.TestSupport.ReportCandidates.From("r1", "Four policemen were killed in Quetta on Tuesday.", new DateOnly(2021, 12, 29));
            queue.Add([report with { Url = HostileUrls[4] }]);
        }
        Assert.True((await analyst.PostAsync($"/api/v1/review/{claimId}/accept", null, ct)).IsSuccessStatusCode);

        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin?return=%2Freview");
        await page.FillAsync("#key", server.AnalystKey);
        await page.ClickAsync("form.signin button[type=submit]");
        await page.WaitForURLAsync("**/review");

        var visited = 0;
        foreach (var path in new[] { "/", "/map", "/incidents", "/matrix", $"/incidents/{incident}", $"/incidents/{incident}/edit", "/review", "/review/merges", "/claims", "/reports", "/scorecard", "/crossings", "/signin" })
        {
            await page.GotoAsync(path);
            var targets = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('a[href], area[href], link[href], [src], form[action], [formaction], iframe, object[data]')]" +
                ".map(e => e.href || e.src || e.action || e.formAction || e.data || '')");
            var bad = targets.Where(t => t.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                || t.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                || t.TrimStart().StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(bad.Count == 0, $"{path}: {string.Join(", ", bad)}");
            visited++;
        }
        // The hostile addresses reached the pages (as text), so the check above looked at them.
        await page.GotoAsync($"/incidents/{incident}");
        Assert.Contains("alert(1)", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);
        await page.GotoAsync("/review");
        Assert.Contains("Four policemen", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);
        await page.GotoAsync("/claims");
        Assert.Contains("254 people were injured", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);
        Assert.Equal(13, visited);
    }
}
