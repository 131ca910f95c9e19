using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Dashboard.Tests.Support;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Time;
using Vigil.Storage.Backends;

namespace Vigil.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard as of a past moment, in Chromium: every page so answered says so in a banner; its links (the menu,
/// an incident of the list) and its filter forms keep the moment; the filter form's As-of field sets one; no form that
/// changes anything is offered, and the edit form is refused; and the published reports with what changed in each.
/// </summary>
public sealed class AsOfBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const string Banner = "later edits, merges, deletions and imports are not shown";
    private const string December = "from=2021-12-01&to=2021-12-31";

    private sealed record Setup(LiveServer Server, DateTimeOffset Moment, string MomentText, long Edited, int KilledBefore, long Report);

    /// <summary>A report published, a moment in whole seconds, then an incident of its month edited after it.</summary>
    private static async Task<Setup> PrepareAsync()
    {
        var server = await LiveServer.StartAsync();
        var location = DatabaseLocation.Parse(server.Database);
        long report;
        using (var db = location.Open(TimeProvider.System))
        {
            report = new PublishedReports(db, m => location.OpenAsOf(m, TimeProvider.System), ReferenceData.Bundled, TimeProvider.System)
                .Publish(new MonthlyReportRequest { Month = "2021-12" }, "amina").Published.Id;
        }
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        var moment = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        var incident = await Api.FirstIncidentAsync(server.Api, December + "&sort=killed&desc=true");
        var id = incident.GetProperty("id").GetInt64();
        var killed = incident.GetProperty("killed").GetProperty("best").GetInt32();
        using (var db = location.Open(TimeProvider.System))
        {
            var stored = db.Incidents.Find(id)!;
            db.Incidents.Update(id, stored.Revision, new ChangeContext("analyst:amina", "a later count"), i => i with { Killed = CasualtyCount.Exactly(killed + 100) });
        }
        return new Setup(server, moment, moment.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), id, killed, report);
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignInAsync(LiveServer server, string key)
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.Url, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#key", key);
        await page.ClickAsync("form.signin button[type=submit]");
        await page.WaitForURLAsync(server.Url + "/");
        return (context, page);
    }

    private static DateTimeOffset AsOfOf(string url) =>
        Moment.Parse(Uri.UnescapeDataString(Regex.Match(url, "[?&]as_of=([^&#]*)").Groups[1].Value), "as_of");

    [Fact]
    public async Task Links_and_filters_keep_the_moment_and_every_page_says_so()
    {
        var setup = await PrepareAsync();
        await using var server = setup.Server;
        var (context, page) = await SignInAsync(server, server.AnalystKey);
        await using var _ = context;
        var label = Moment.Label(setup.Moment);

        await page.GotoAsync($"/incidents?{December}&as_of={setup.MomentText}");
        Assert.Contains($"As of {label} — {Banner}", Normal(await page.TextContentAsync("p.as-of")));
        // The list as it was: the incident's toll before the edit, in the order of then.
        Assert.Equal(await Api.IncidentTotalAsync(server.Api, $"{December}&as_of={setup.MomentText}"), Number(await page.TextContentAsync("[data-figure=total]")));
        await Screenshots.SaveAsync(page, "as-of-incidents");

        // A link of the list: the incident as it was, at the same moment.
        await page.ClickAsync($"table a[href^='/incidents/{setup.Edited}?']");
        await page.WaitForURLAsync(new Regex($"/incidents/{setup.Edited}\\?as_of="));
        Assert.Equal(setup.Moment, AsOfOf(page.Url));
        Assert.Equal("1", await page.TextContentAsync("[data-figure=revision]"));
        Assert.Contains(setup.KilledBefore.ToString(CultureInfo.InvariantCulture), await page.TextContentAsync("tr[data-casualty=killed]"));
        Assert.Contains(Banner, await page.TextContentAsync("p.as-of"));
        // An analyst, yet no Edit: the past is read-only.
        Assert.Equal(0, await page.Locator("a:has-text('Edit')").CountAsync());
        await Screenshots.SaveAsync(page, "as-of-incident");

        // The menu keeps the moment too.
        await page.ClickAsync("header nav a:has-text('Matrix')");
        await page.WaitForURLAsync(new Regex("/matrix\\?as_of="));
        Assert.Equal(setup.Moment, AsOfOf(page.Url));
        Assert.Contains(Banner, await page.TextContentAsync("p.as-of"));

        // A filter form submitted keeps it: its As-of field holds the moment.
        await page.ClickAsync("header nav a:has-text('Incidents')");
        await page.WaitForURLAsync(new Regex("/incidents\\?as_of="));
        Assert.Equal(setup.Moment.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), await page.InputValueAsync("form.filters input[name=as_of]"));
        await page.SelectOptionAsync("select[name=province]", "Balochistan");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex("/incidents\\?.*province=Balochistan"));
        Assert.Equal(setup.Moment, AsOfOf(page.Url));
        Assert.Contains($"As of {label}", await page.TextContentAsync("p.as-of"));

        // Emptied, the field leaves the past: the banner goes, and the list is today's.
        await page.FillAsync("form.filters input[name=as_of]", "");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex("/incidents\\?"));
        Assert.Equal(0, await page.Locator("p.as-of").CountAsync());
        Assert.DoesNotMatch("as_of=[^&]", page.Url);
    }

    [Fact]
    public async Task The_as_of_field_sets_a_moment_and_no_form_that_changes_anything_is_offered_then()
    {
        var setup = await PrepareAsync();
        await using var server = setup.Server;
        var (context, page) = await SignInAsync(server, server.AdminKey);
        await using var _ = context;

        await page.GotoAsync($"/incidents?{December}");
        Assert.Equal(0, await page.Locator("p.as-of").CountAsync());
        await page.FillAsync("form.filters input[name=as_of]", setup.Moment.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(new Regex("/incidents\\?.*as_of="));
        Assert.Equal(setup.Moment, AsOfOf(page.Url));
        Assert.Contains($"As of {Moment.Label(setup.Moment)}", await page.TextContentAsync("p.as-of"));

        // Every page an admin can open, as of the moment: no form is offered but signing out.
        string[] pages = ["/", $"/incidents/{setup.Edited}", "/incidents", "/map", "/matrix", "/claims", "/reports", "/reports/published",
            $"/reports/published/{setup.Report}", "/scorecard", "/crossings", "/review", "/review/merges", "/feeds"];
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "as_of=" + setup.MomentText);
            Assert.True(response!.Status == 200, $"{path}: {response.Status}");
            Assert.True(await page.Locator("p.as-of").CountAsync() == 1, $"{path}: no as-of banner");
            if (path == "/")
                await Screenshots.SaveAsync(page, "as-of-overview");
            var posts = await page.Locator("form[method=post]").EvaluateAllAsync<string[]>("forms => forms.map(f => f.getAttribute('action'))");
            Assert.True(posts.All(a => a == "/signout"), $"{path} offers {string.Join(", ", posts)} as of a past moment");
            // Every link of the site's own keeps the moment, but those that say they lead to now.
            var links = await page.Locator("main a[href^='/']:not(.to-now)").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.True(links.All(h => h.Contains("as_of=", StringComparison.Ordinal)), $"{path}: links without the moment: {string.Join(", ", links.Where(h => !h.Contains("as_of=", StringComparison.Ordinal)))}");
        }
        // Asked for directly, the edit form is refused, as the API refuses a change sent as of a moment.
        var edit = await page.GotoAsync($"/incidents/{setup.Edited}/edit?as_of={setup.MomentText}");
        Assert.Equal(400, edit!.Status);
        Assert.Contains("The past is read-only", await page.TextContentAsync("main h1"));
        // Without as_of the same pages offer their forms again (the check above would have seen them).
        await page.GotoAsync($"/incidents/{setup.Edited}");
        Assert.Equal(1, await page.Locator("a:has-text('Edit')").CountAsync());
        foreach (var (path, action) in new[] { ("/reports", "/reports/notes"), ("/claims", "/claims/article"), ("/feeds", "/feeds") })
        {
            await page.GotoAsync(path);
            Assert.True(await page.Locator($"form[method=post][action='{action}']").CountAsync() == 1, $"{path} offers no {action} form now");
        }
    }

    [Fact]
    public async Task The_published_reports_page_links_to_each_ones_diff()
    {
        var setup = await PrepareAsync();
        await using var server = setup.Server;
        var (context, page) = await SignInAsync(server, server.ViewerKey);
        await using var _ = context;

        await page.GotoAsync("/reports");
        await page.ClickAsync("a:has-text('Published reports')");
        await page.WaitForURLAsync("**/reports/published");
        Assert.Contains("amina", await page.TextContentAsync($"tr[data-report='{setup.Report}']"));
        await Screenshots.SaveAsync(page, "published-reports");
        await page.ClickAsync($"tr[data-report='{setup.Report}'] a");
        await page.WaitForURLAsync($"**/reports/published/{setup.Report}");

        // The diff the command line and the API compute, rendered: the edit made after publishing, figure by figure.
        ReportDiff expected;
        var location = DatabaseLocation.Parse(server.Database);
        using (var db = location.Open(TimeProvider.System))
            expected = new PublishedReports(db, m => location.OpenAsOf(m, TimeProvider.System), ReferenceData.Bundled, TimeProvider.System).Diff(setup.Report);
        Assert.Equal("same", await page.GetAttributeAsync("[data-regenerated]", "data-regenerated"));
        var rows = await page.Locator("tr[data-incident]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.incident + ' ' + r.dataset.change)");
        Assert.Equal([$"{setup.Edited} edited"], rows);
        Assert.Equal(expected.Incidents.Select(i => $"{i.Id} {i.Change}"), rows);
        var shown = await page.Locator("table.figure-changes tr[data-figure-name]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.figureName + '=' + r.cells[1].textContent + '>' + r.cells[2].textContent)");
        Assert.Equal(expected.Figures.Select(f => $"{f.Name}={Shown(f.Before)}>{Shown(f.After)}"), shown);
        Assert.Contains(expected.Figures, f => f.Name == "headline/Killed");
        Assert.Contains($"killed_best: {setup.KilledBefore} → {setup.KilledBefore + 100}", Normal(await page.TextContentAsync($"tr[data-incident='{setup.Edited}']")));
        await Screenshots.SaveAsync(page, "published-report-diff");
    }

    /// <summary>How the page writes a figure's value: "(absent)" when the report has no such figure, "(none)" when it is empty.</summary>
    private static string Shown(string? value) => value is null ? "(absent)" : value.Length == 0 ? "(none)" : value;

    private static string Normal(string? text) => Regex.Replace(text ?? "", @"\s+", " ").Trim();

    private static long Number(string? text) =>
        long.Parse(Regex.Match(text ?? "", @"[\d,]+").Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
