using System.Net;
using System.Text.RegularExpressions;
using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Pages;

public sealed class OverviewAndMapTests
{
    [Fact]
    public async Task Overview_shows_the_months_figures_the_API_computes()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/?month=2014-06", TestContext.Current.CancellationToken));

        Assert.Contains("Overview — June 2014", page.Text);
        foreach (var (figure, label) in new[] { ("incidents", "Incidents"), ("killed", "Killed") })
            Assert.Equal(await Api.OverviewHeadlineAsync(client, "month=2014-06", label), page.Figure(figure));
        Assert.Contains("<svg", page.Html);
        Assert.Contains("Incidents and people killed, Jul 2012 – Jun 2014", page.Text);
    }

    [Fact]
    public async Task Overview_filters_by_province_and_dataset_from_the_URL()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();

        var all = await HtmlPage.LoadAsync(await client.GetAsync("/?month=2014-06", TestContext.Current.CancellationToken));
        var province = await HtmlPage.LoadAsync(await client.GetAsync("/?month=2014-06&province=Balochistan", TestContext.Current.CancellationToken));
        using var noSuchDatasetResponse = await client.GetAsync("/?month=2014-06&dataset=acled", TestContext.Current.CancellationToken);
        var noSuchDataset = await HtmlPage.LoadAsync(noSuchDatasetResponse);

        var expected = await Api.OverviewHeadlineAsync(client, "month=2014-06&province=Balochistan", "Killed");
        Assert.Equal(expected, province.Figure("killed"));
        Assert.True(province.Figure("killed") < all.Figure("killed"));
        Assert.Contains("<option value=\"Balochistan\" selected", province.Html);
        // A dataset the database does not hold has no figures at all, not a month of zeros.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, noSuchDatasetResponse.StatusCode);
        Assert.Contains("no dataset named 'acled'", noSuchDataset.Text);
        Assert.DoesNotContain("data-figure=\"incidents\"", noSuchDataset.Html);
    }

    [Fact]
    public async Task Overview_without_a_month_shows_the_latest_month_with_data()
    {
        using var app = DashboardApp.WithUcdp();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/", TestContext.Current.CancellationToken));

        Assert.Contains("Overview — December 2021", page.Text);
        Assert.Contains("the latest month with data", page.Text);
    }

    [Fact]
    public async Task Overview_names_a_bad_month()
    {
        using var app = DashboardApp.WithUcdp();

        var response = await app.Client().GetAsync("/?month=June", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("month: 'June' is not a month (YYYY-MM)", (await HtmlPage.LoadAsync(response)).Text);
    }

    [Fact]
    public async Task Map_counts_the_incidents_the_API_counts_for_the_same_filters()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();
        const string filters = "from=2014&to=2014&province=Khyber%20Pakhtunkhwa&type=armed-clash";

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/map?" + filters, TestContext.Current.CancellationToken));
        var wider = await HtmlPage.LoadAsync(await client.GetAsync("/map?from=2014&to=2014", TestContext.Current.CancellationToken));

        Assert.Equal(await Api.IncidentTotalAsync(client, filters), page.Figure("incidents"));
        Assert.True(wider.Figure("incidents") > page.Figure("incidents"));
        Assert.Contains("People killed by district, and incidents, January 2014 – December 2014 — Khyber Pakhtunkhwa", page.Text);
    }

    [Fact]
    public async Task Map_draws_one_circle_per_district_not_one_per_incident()
    {
        using var app = DashboardApp.WithUcdp();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/map?from=1989&to=2021", TestContext.Current.CancellationToken));

        // Skia writes a circle as an SVG ellipse.
        var circles = Regex.Matches(page.Html, "<ellipse").Count;
        var incidents = page.Figure("incidents");
        Assert.True(incidents > 6000, $"{incidents} incidents");
        // White outline and fill per district, plus the legend's three reference circles.
        Assert.InRange(circles, 20, 2 * 200 + 3);
        Assert.Contains("a point inside it", page.Text);
    }

    [Fact]
    public async Task Map_without_dates_shows_the_twelve_months_up_to_the_latest_data()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/map", TestContext.Current.CancellationToken));

        // The date pickers show the first and the last day of those months.
        Assert.Contains("value=\"2021-01-01\"", page.Html);
        Assert.Contains("value=\"2021-12-31\"", page.Html);
        Assert.Equal(await Api.IncidentTotalAsync(client, "from=2021-01&to=2021-12"), page.Figure("incidents"));
    }
}
