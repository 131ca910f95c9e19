using System.Text.Json;
using Vigil.Dashboard.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>The review page in a real headless Chromium: a suggested merge into a UCDP record, and an edited accept.</summary>
public sealed class ReviewBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private static IReadOnlyList<long> Queue(string database, params (string Id, string Published, string Text)[] articles)
    {
        using var store = SqliteIncidentStore.Open(database);
        return new CandidateQueue(store).Add([.. articles.Select(a =>
            ReportCandidates.From(a.Id, a.Text, DateOnly.Parse(a.Published, System.Globalization.CultureInfo.InvariantCulture), "Example Daily"))]);
    }

    [Fact]
    public async Task An_analyst_merges_two_reports_into_the_ucdp_record_they_match_and_accepts_a_third_with_a_corrected_district()
    {
        await using var server = await LiveServer.StartAsync();
        // UCDP (bundled) records an armed clash between the government and IS in Peshawar on 20 December 2021, three dead.
        var ids = Queue(server.Database,
            ("u1", "2021-12-21", "Three people were killed in Peshawar on Monday when security forces raided an Islamic State hideout, police said."),
            ("u2", "2021-12-21", "Security forces killed three militants of the Islamic State in an operation in Peshawar yesterday."),
            ("q1", "2021-12-29", "Four policemen were killed when gunmen attacked a checkpost in Quetta on Tuesday."));
        long ucdp;
        using (var store = SqliteIncidentStore.Open(server.Database))
            ucdp = store.QueryIds(new IncidentQuery { Districts = ["Peshawar"], From = new(2021, 12, 20), To = new(2021, 12, 20) }).Single();

        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin?return=%2Freview");
        await page.FillAsync("#key", server.AnalystKey);
        await page.ClickAsync("form.signin button[type=submit]");
        await page.WaitForURLAsync("**/review");

        Assert.Contains($"incident {ucdp}", await page.TextContentAsync(".suggestion"));
        await Screenshots.SaveAsync(page, "review-suggestion");
        await page.ClickAsync($"button:has-text('into incident {ucdp}')");
        await page.WaitForURLAsync("**/review?done=*");
        Assert.Contains($"merged into incident {ucdp}", await page.TextContentAsync("p.message"));

        // The third report: the analyst corrects the district (typed loosely) before accepting.
        await page.ClickAsync($"tr:has-text('Four policemen') summary:has-text('Edit, then accept')");
        await page.FillAsync($"form[action='/review/{ids[2]}/accept'].edits input[name=district]", "quetta district");
        await page.FillAsync($"form[action='/review/{ids[2]}/accept'].edits input[name=killed]", "5");
        await page.ClickAsync($"form[action='/review/{ids[2]}/accept'].edits button[type=submit]");
        await page.WaitForURLAsync("**/review?done=*");
        Assert.Contains("No pending candidates", await page.TextContentAsync("main"));

        var reports = JsonDocument.Parse(await server.Api.GetStringAsync($"/api/v1/incidents/{ucdp}/reports", TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal([ids[0], ids[1]], reports.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        await page.GotoAsync($"/incidents/{ucdp}");
        Assert.Contains("Extracted reports behind it", await page.TextContentAsync("main"));
        await Screenshots.SaveAsync(page, "incident-reports-behind");
        using var check = SqliteIncidentStore.Open(server.Database);
        var accepted = check.Find(new CandidateQueue(check).Get(ids[2])!.IncidentId!.Value)!;
        Assert.Equal(("Quetta", "quetta district", "Balochistan", 5), (accepted.Place.Admin2, accepted.Place.Admin2Raw, accepted.Place.Admin1, accepted.Killed.Best!.Value));
    }
}
