using System.Net;
using Vigil.Dashboard.Tests.Support;
using Vigil.Storage;

namespace Vigil.Dashboard.Tests.Pages;

public sealed class ClaimsAndReportsTests
{
    [Fact]
    public async Task A_claim_from_the_form_gets_the_checkers_verdict_and_numbers()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();

        var page = await HtmlPage.LoadAsync(await client.GetAsync(
            "/claims?metric=killed&value=100&qualifier=at-least&period=2014-06&province=Khyber+Pakhtunkhwa", TestContext.Current.CancellationToken));

        var api = (await Api.CheckAsync(client, """
            {"metric": "killed", "value": 100, "qualifier": "at-least", "period": "2014-06", "scope": {"province": "Khyber Pakhtunkhwa"}}
            """))[0];
        var verdict = api.GetProperty("verdict").GetString()!;
        var computed = api.GetProperty("parts")[0].GetProperty("computed").GetDouble();
        Assert.Contains($"data-verdict=\"{verdict}\"", page.Html);
        Assert.Equal((long)computed, page.Figure("computed"));
        Assert.Contains("killed in Khyber Pakhtunkhwa, June 2014: at least 100", page.Text);
        Assert.Contains("incidents behind the figure", page.Text);
    }

    [Fact]
    public async Task A_claim_with_a_percent_change_is_checked_against_the_month_before()
    {
        using var app = DashboardApp.WithUcdp();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync(
            "/claims?metric=attacks&period=2014-06&change=500&against=previous-period", TestContext.Current.CancellationToken));

        Assert.Contains("data-verdict=\"contradicted\"", page.Html);
        Assert.Contains("+500% on the period before", page.Text);
    }

    [Fact]
    public async Task A_claim_outside_the_data_is_not_checkable_and_the_article_reader_is_offered()
    {
        using var app = DashboardApp.WithUcdp();

        var page = await HtmlPage.LoadAsync(await app.Client().GetAsync("/claims?metric=killed&value=134&period=2023-01", TestContext.Current.CancellationToken));

        Assert.Contains("data-verdict=\"not-checkable\"", page.Html);
        Assert.Contains("<form method=\"post\" action=\"/claims/article\"", page.Html);
        Assert.DoesNotContain("does not exist yet", page.Text);
    }

    [Fact]
    public async Task A_bad_claim_field_is_named()
    {
        using var app = DashboardApp.WithEmpty();

        var response = await app.Client().GetAsync("/claims?metric=killed&value=lots&period=2014-06", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlPage.LoadAsync(response);
        Assert.Contains("value: 'lots' is not a number", page.Text);
        Assert.Contains("class=\"field-error\"", page.Html);
    }

    [Fact]
    public async Task Claims_pasted_as_JSON_are_all_checked_and_a_bad_one_is_located()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();
        var form = (await HtmlPage.LoadAsync(await client.GetAsync("/claims", TestContext.Current.CancellationToken))).Form("/claims");
        const string claims = """
            [{"metric": "killed", "value": 1, "qualifier": "at-least", "period": "2014-06"},
             {"metric": "attacks", "value": 1, "qualifier": "at-least", "period": "2014"}]
            """;

        var page = await HtmlPage.LoadAsync(await client.PostAsync("/claims", FormPost.With(form, ("claims_json", claims)), TestContext.Current.CancellationToken));
        var bad = await client.PostAsync("/claims", FormPost.With(form, ("claims_json", """[{"metric": "deaths", "period": "2014"}]""")), TestContext.Current.CancellationToken);

        Assert.Contains("Verdicts (2)", page.Text);
        Assert.Equal(2, page.Html.Split("data-verdict=\"supported\"").Length - 1);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("claims: claim 1: metric: 'deaths' is not one of: attacks, killed, injured", (await HtmlPage.LoadAsync(bad)).Text);
    }

    [Fact]
    public async Task A_pasted_article_shows_its_statistics_checked_and_marked_in_its_text()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();
        var form = (await HtmlPage.LoadAsync(await client.GetAsync("/claims", TestContext.Current.CancellationToken))).Form("/claims/article");
        const string article = "<p>The month was the deadliest in two years: militant violence in June 2014 left 671 people dead across Pakistan.</p><script>alert('x')</script>";

        var page = await HtmlPage.LoadAsync(await client.PostAsync("/claims/article",
            FormPost.With(form, ("article", article), ("html", "true"), ("published", "2014-07-02")), TestContext.Current.CancellationToken));
        var empty = await client.PostAsync("/claims/article", FormPost.With(form, ("article", " ")), TestContext.Current.CancellationToken);

        Assert.Contains("data-verdict=\"supported\"", page.Html);
        Assert.Contains("<mark id=\"mark-1\"", page.Html);
        Assert.Contains("671", page.Text);
        Assert.DoesNotContain("<script>alert", page.Html);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Not checked: text — is empty", (await HtmlPage.LoadAsync(empty)).Text);
    }

    [Fact]
    public async Task Reports_page_links_to_the_monthly_assessment_for_the_chosen_month_and_province()
    {
        using var app = DashboardApp.WithUcdp();
        var client = app.Client();

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/reports?month=2014-06&province=Balochistan", TestContext.Current.CancellationToken));

        Assert.Contains("Security assessment — June 2014, Balochistan", page.Text);
        Assert.Contains("href=\"/api/v1/reports/monthly?month=2014-06&amp;format=pdf&amp;province=Balochistan\"", page.Html);
        var html = await client.GetAsync("/api/v1/reports/monthly?month=2014-06&format=html&province=Balochistan", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("Security assessment — June 2014", await html.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_analyst_writes_key_findings_on_the_reports_page_and_the_assessment_prints_them_first()
    {
        using var app = DashboardApp.WithUcdp(anonymousRead: false);
        var analyst = app.Client(TestDatabases.AddKey(app.Database, "amina", ApiRole.Analyst));
        var viewer = app.Client(TestDatabases.AddKey(app.Database, "guest", ApiRole.Viewer));

        var page = await HtmlPage.LoadAsync(await analyst.GetAsync("/reports?month=2014-06&province=Balochistan", TestContext.Current.CancellationToken));
        var saved = await analyst.PostAsync("/reports/notes", FormPost.With(page.Form("/reports/notes"), ("findings", "Quetta bore the brunt: **three** bombings.")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await HtmlPage.LoadAsync(await viewer.GetAsync("/reports?month=2014-06&province=Balochistan", TestContext.Current.CancellationToken));
        Assert.Contains("<strong>three</strong>", after.Html);
        Assert.Contains("saved", after.Text);
        Assert.DoesNotContain("action=\"/reports/notes\"", after.Html);
        var country = await HtmlPage.LoadAsync(await viewer.GetAsync("/reports?month=2014-06", TestContext.Current.CancellationToken));
        Assert.Contains("No key findings written", country.Text);
        var html = await (await viewer.GetAsync("/api/v1/reports/monthly?month=2014-06&format=html&province=Balochistan", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.InRange(html.IndexOf("Quetta bore the brunt", StringComparison.Ordinal), 0, html.IndexOf("id=\"headlines\"", StringComparison.Ordinal));
        var refused = await viewer.PostAsync("/reports/notes", FormPost.With(page.Form("/reports/notes"), ("findings", "nope")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
