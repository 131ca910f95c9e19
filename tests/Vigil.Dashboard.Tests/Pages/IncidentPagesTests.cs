using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Vigil.Dashboard.Tests.Support;
using Vigil.Domain.Incidents;

namespace Vigil.Dashboard.Tests.Pages;

public sealed class IncidentPagesTests
{
    [Fact]
    public async Task List_counts_what_the_API_counts_for_the_same_filters()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();
        const string filters = "from=2014-01&to=2014-06&province=Balochistan&actor=TTP";

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/incidents?" + filters, TestContext.Current.CancellationToken));
        var everything = await HtmlPage.LoadAsync(await client.GetAsync("/incidents", TestContext.Current.CancellationToken));

        Assert.Equal(await Api.IncidentTotalAsync(client, filters), page.Figure("total"));
        Assert.Equal(6416, everything.Figure("total"));
        Assert.Contains("province Balochistan · actor TTP", page.Text);
    }

    [Fact]
    public async Task List_sorted_by_killed_starts_with_the_deadliest_and_keeps_the_filters_in_its_links()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/incidents?province=Sindh&sort=killed", TestContext.Current.CancellationToken));

        var deadliest = await Api.FirstIncidentAsync(client, "province=Sindh&sort=killed&desc=true");
        var firstRow = Regex.Match(page.Html, @"<tbody>.*?href=""/incidents/(\d+)""", RegexOptions.Singleline);
        Assert.Equal(deadliest.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), firstRow.Groups[1].Value);
        Assert.Contains("href=\"/incidents?province=Sindh&amp;sort=killed&amp;desc=false\"", page.Html);
        Assert.Contains("href=\"/incidents?province=Sindh&amp;sort=killed&amp;page=2\"", page.Html);
    }

    [Fact]
    public async Task List_pages_through_the_incidents()
    {
        using var app = DashboardApp.WithUcdp();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/incidents?from=2014&to=2014&page=2&page_size=20", TestContext.Current.CancellationToken));

        Assert.Contains("21–40 of", page.Text);
        Assert.Equal(20, page.Html.Split("<tr>").Length - 2);
    }

    [Fact]
    public async Task List_names_the_filter_at_fault()
    {
        using var app = DashboardApp.WithEmpty();
        var client = app.Client();

        var badDate = await client.GetAsync("/incidents?from=last-week", TestContext.Current.CancellationToken);
        var badNumber = await client.GetAsync("/incidents?min_killed=many", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("from: 'last-week' is not a date", (await HtmlPage.LoadAsync(badDate)).Text);
        Assert.Contains("min_killed: 'many' is not a whole number", (await HtmlPage.LoadAsync(badNumber)).Text);
    }

    [Fact]
    public async Task List_filters_by_min_killed()
    {
        using var app = DashboardApp.WithEmpty();
        TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 1, 5), killed: 3));
        TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 1, 6), killed: 30));

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/incidents?min_killed=10", TestContext.Current.CancellationToken));

        Assert.Equal(1, page.Figure("total"));
        Assert.Contains("2023-01-06", page.Text);
        Assert.DoesNotContain("2023-01-05", page.Text);
    }

    [Fact]
    public async Task Detail_shows_ranges_with_phrase_and_rule_breakdown_sources_flags_and_history()
    {
        using var app = DashboardApp.WithEmpty();
        var incident = TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 1, 30)) with
        {
            Injured = new CasualtyCount(40, 30, null, "dozens", "dozens: at least 24"),
        });

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync($"/incidents/{incident.Id}", TestContext.Current.CancellationToken));

        var text = page.Text;
        Assert.Contains("Killed 10 12 15 at least 10 test convention", text);
        Assert.Contains("Injured 40 30 not known dozens dozens: at least 24", text);
        Assert.Contains("Security forces 8 Civilians 4 Militants not known", text);
        Assert.Contains("Perpetrators' own dead are not counted in the killed", text);
        Assert.Contains("injured-low-above-best", text);
        Assert.Contains("<a href=\"https://www.dawn.com/news/1\" rel=\"noopener noreferrer nofollow\">", page.Html);
        Assert.Contains("Tehrik-i-Taliban Pakistan", text);
        Assert.Contains("test create: seeded by the test created", text);
    }

    [Fact]
    public async Task Detail_encodes_what_sources_wrote_and_links_only_web_addresses()
    {
        using var app = DashboardApp.WithEmpty();
        var incident = TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 2, 1)) with
        {
            Notes = "<script>alert('x')</script>",
            Sources = [new SourceReference("<b>Wire</b>", null, "A & B", "javascript:alert(1)")],
        });

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync($"/incidents/{incident.Id}", TestContext.Current.CancellationToken));

        Assert.DoesNotContain("<script>alert", page.Html);
        Assert.Contains("&lt;script&gt;", page.Html);
        Assert.Contains("&lt;b&gt;Wire&lt;/b&gt;", page.Html);
        Assert.DoesNotContain("href=\"javascript:", page.Html);
    }

    [Theory]
    [InlineData("/?province=")]
    [InlineData("/map?province=")]
    [InlineData("/incidents?actor=")]
    [InlineData("/claims?metric=killed&value=1&period=2014-06&province=")]
    [InlineData("/reports?province=")]
    public async Task Filters_typed_into_the_URL_are_shown_encoded_under_a_strict_content_policy(string page)
    {
        using var app = DashboardApp.WithUcdp();

        var response = await app.Client().GetAsync(page + Uri.EscapeDataString("<script>alert(1)</script>"), TestContext.Current.CancellationToken);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_of_a_missing_incident_is_not_found()
    {
        using var app = DashboardApp.WithEmpty();

        var response = await app.Client().GetAsync("/incidents/404", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no incident 404", (await HtmlPage.LoadAsync(response)).Text);
    }
}
