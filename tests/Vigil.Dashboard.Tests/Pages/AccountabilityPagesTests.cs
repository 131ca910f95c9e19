using System.Net;
using Vigil.Dashboard.Tests.Support;
using Vigil.Storage;

namespace Vigil.Dashboard.Tests.Pages;

public sealed class AccountabilityPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_scorecard_shows_each_partys_judged_percent_beside_the_measured_verdicts()
    {
        using var app = DashboardApp.WithUcdp();
        WorkedExample.Load(app.Database);

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/scorecard", Ct));

        Assert.Contains("Afghan interim government", page.Text);
        Assert.Contains("Sample party A", page.Text);
        Assert.Contains("33%", page.Text);              // one score of 1 out of 3
        Assert.Contains("too early / too little data", page.Text);
        Assert.Contains("no measurable change", page.Text);
        Assert.DoesNotContain("class=\"disagree\"", page.Html);
    }

    [Fact]
    public async Task A_commitment_judged_fully_implemented_without_a_measured_improvement_is_highlighted()
    {
        using var app = DashboardApp.WithUcdp();
        WorkedExample.Load(app.Database);
        WorkedExample.Score(app.Database, "sample-ttp-2014", 3);

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/scorecard", Ct));

        Assert.Contains("class=\"disagree\"", page.Html);
        Assert.Contains("judged implemented, but no measurable change in the outcome", page.Text);
    }

    [Fact]
    public async Task The_crossings_page_has_the_status_board_and_a_timeline_bar_per_closure()
    {
        using var app = DashboardApp.WithUcdp();
        WorkedExample.Load(app.Database);

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/crossings", Ct));

        Assert.Contains("data-crossing=\"torkham\"", page.Html);
        Assert.Equal(5, CountOf(page.Html, "data-crossing="));
        Assert.Equal(1, CountOf(page.Html, "class=\"closure\""));
        Assert.Contains("closed 2023-02-24 to 2023-02-28 (5 days)", page.Html);
        Assert.Contains("unknown", page.Text);
    }

    [Fact]
    public async Task Without_anonymous_reading_the_pages_ask_for_a_key_and_a_viewer_key_opens_them()
    {
        using var app = DashboardApp.WithEmpty(anonymousRead: false);
        var viewer = TestDatabases.AddKey(app.Database, "vera", ApiRole.Viewer);

        foreach (var path in new[] { "/scorecard", "/crossings" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync(path, Ct)).StatusCode);
            var page = await HtmlPage.LoadAsync(await app.Client(viewer).GetAsync(path, Ct));
            Assert.Contains("No ", page.Text);   // nothing recorded yet: the page says so
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
