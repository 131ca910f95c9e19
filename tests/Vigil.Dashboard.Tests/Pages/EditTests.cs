using System.Net;
using Vigil.Dashboard.Tests.Support;
using Vigil.Storage;

namespace Vigil.Dashboard.Tests.Pages;

public sealed class EditTests
{
    private static async Task<(DashboardApp App, HttpClient Client, long Id, List<KeyValuePair<string, string>> Form)> OpenFormAsync()
    {
        var app = DashboardApp.WithEmpty();
        var id = TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 1, 30))).Id;
        var client = app.Client(TestDatabases.AddKey(app.Database, "amina", ApiRole.Analyst));
        var page = await HtmlPage.LoadAsync(await client.GetAsync($"/incidents/{id}/edit", TestContext.Current.CancellationToken));
        return (app, client, id, page.Form($"/incidents/{id}/edit"));
    }

    [Fact]
    public async Task Saving_makes_a_revision_with_who_and_each_field_before_and_after()
    {
        var (app, client, id, form) = await OpenFormAsync();
        using var _ = app;

        var response = await client.PostAsync($"/incidents/{id}/edit",
            FormPost.With(form, ("killed_best", "14"), ("reason", "second report")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/incidents/{id}?saved=2", response.Headers.Location?.OriginalString);
        var stored = TestDatabases.Find(app.Database, id);
        Assert.Equal((2, 14, "edited by hand"), (stored.Revision, stored.Killed.Best, stored.Killed.Rule));
        var detail = await HtmlPage.LoadAsync(await client.GetAsync($"/incidents/{id}?saved=2", TestContext.Current.CancellationToken));
        Assert.Contains("Saved as revision 2", detail.Text);
        Assert.Contains("key:amina update: second report killed_best: 12 → 14 killed_rule: test convention → edited by hand", detail.Text);
    }

    [Fact]
    public async Task An_analysts_grade_stands_over_the_derived_one_with_its_reason_and_can_be_cleared()
    {
        var (app, client, id, form) = await OpenFormAsync();
        using var _ = app;
        var derived = TestDatabases.Find(app.Database, id).Grade;
        Assert.NotEqual(Domain.Sources.IncidentGrade.Confirmed, derived);

        // Without a reason: refused, the reason's field marked, nothing written.
        var refused = await client.PostAsync($"/incidents/{id}/edit", FormPost.With(form, ("grade_override", "confirmed")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<label class=\"field-error\" for=\"f-grade_reason\">", (await HtmlPage.LoadAsync(refused)).Html);
        Assert.Equal(1, TestDatabases.Find(app.Database, id).Revision);

        var saved = await client.PostAsync($"/incidents/{id}/edit",
            FormPost.With(form, ("grade_override", "confirmed"), ("grade_reason", "two named witnesses"), ("reason", "grading")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = TestDatabases.Find(app.Database, id);
        Assert.Equal((Domain.Sources.IncidentGrade.Confirmed, Domain.Sources.IncidentGrade.Confirmed, "two named witnesses"),
            (stored.Grade!.Value, stored.GradeOverride!.Value, stored.GradeReason));

        // The form shows the analyst's grade; emptied, the derived grade is back and the reason goes with it.
        var again = await HtmlPage.LoadAsync(await client.GetAsync($"/incidents/{id}/edit", TestContext.Current.CancellationToken));
        var fields = again.Form($"/incidents/{id}/edit");
        Assert.Contains(fields, f => f.Key == "grade_override" && f.Value == "confirmed");
        var cleared = await client.PostAsync($"/incidents/{id}/edit", FormPost.With(fields, ("grade_override", ""), ("reason", "ungrading")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        stored = TestDatabases.Find(app.Database, id);
        Assert.Equal((derived, (Domain.Sources.IncidentGrade?)null, (string?)null), (stored.Grade, stored.GradeOverride, stored.GradeReason));
    }

    [Fact]
    public async Task Saving_an_unchanged_form_makes_no_revision()
    {
        var (app, client, id, form) = await OpenFormAsync();
        using var _ = app;

        var page = await HtmlPage.LoadAsync(await client.PostAsync($"/incidents/{id}/edit", FormPost.With(form), TestContext.Current.CancellationToken));

        Assert.Contains("Nothing was changed", page.Text);
        Assert.Equal(1, TestDatabases.Find(app.Database, id).Revision);
    }

    [Theory]
    [InlineData("killed_best", "a dozen", "'a dozen' is not a whole number")]
    [InlineData("injured_low", "-3", "-3 is negative; a count cannot be")]
    [InlineData("latitude", "95", "latitude 95 is outside -90..90")]
    [InlineData("date_end", "2023-01-01", "end date 2023-01-01 is before start date 2023-01-30")]
    [InlineData("event_type", "riot", "'riot' is not one of")]
    public async Task A_bad_value_is_refused_with_its_field_marked(string field, string value, string problem)
    {
        var (app, client, id, form) = await OpenFormAsync();
        using var _ = app;

        var response = await client.PostAsync($"/incidents/{id}/edit", FormPost.With(form, (field, value)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlPage.LoadAsync(response);
        Assert.Contains($"Not saved: {field} — ", page.Text);
        Assert.Contains(problem, page.Text);
        Assert.Contains($"<label class=\"field-error\" for=\"f-{field}\">", page.Html);
        Assert.Equal(1, TestDatabases.Find(app.Database, id).Revision);
    }

    [Fact]
    public async Task An_edit_from_a_stale_form_shows_the_conflict_and_overwrites_nothing()
    {
        var (app, client, id, form) = await OpenFormAsync();
        using var _ = app;
        var current = TestDatabases.Find(app.Database, id);
        TestDatabases.Update(app.Database, current with { Notes = "corrected by Bilal" }, current.Revision, "key:bilal");

        var response = await client.PostAsync($"/incidents/{id}/edit", FormPost.With(form, ("killed_best", "99")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = (await HtmlPage.LoadAsync(response)).Text;
        Assert.Contains("Not saved: this incident was changed by someone else since you opened the form", text);
        Assert.Contains("Revision 2 by key:bilal", text);
        Assert.Contains("notes seeded → corrected by Bilal", text);
        var stored = TestDatabases.Find(app.Database, id);
        Assert.Equal((2, 12, "corrected by Bilal"), (stored.Revision, stored.Killed.Best, stored.Notes));
    }

    [Fact]
    public async Task A_post_without_the_form_token_is_refused()
    {
        var (app, client, id, form) = await OpenFormAsync();
        using var _ = app;

        var response = await client.PostAsync($"/incidents/{id}/edit",
            FormPost.Without([.. form.Select(f => f.Key == "killed_best" ? new KeyValuePair<string, string>(f.Key, "50") : f)], "__vigil_form"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be verified", (await HtmlPage.LoadAsync(response)).Text);
        Assert.Equal(1, TestDatabases.Find(app.Database, id).Revision);
    }

    [Fact]
    public async Task A_viewer_gets_a_403_page_and_cannot_post()
    {
        using var app = DashboardApp.WithEmpty();
        var id = TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 1, 30))).Id;
        var viewer = app.Client(TestDatabases.AddKey(app.Database, "vera", ApiRole.Viewer));

        var get = await viewer.GetAsync($"/incidents/{id}/edit", TestContext.Current.CancellationToken);
        var post = await viewer.PostAsync($"/incidents/{id}/edit", new FormUrlEncodedContent([new("revision", "1"), new("killed_best", "1")]), TestContext.Current.CancellationToken);
        var detail = await HtmlPage.LoadAsync(await viewer.GetAsync($"/incidents/{id}", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("You are signed in as vera, with the viewer role. This page needs the analyst role or higher", (await HtmlPage.LoadAsync(get)).Text);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain($"href=\"/incidents/{id}/edit\"", detail.Html);
        Assert.Equal(1, TestDatabases.Find(app.Database, id).Revision);
    }

    [Fact]
    public async Task Without_a_key_the_edit_page_asks_to_sign_in()
    {
        using var app = DashboardApp.WithEmpty();
        var id = TestDatabases.Create(app.Database, TestDatabases.Sample(new DateOnly(2023, 1, 30))).Id;

        var response = await app.Client().GetAsync($"/incidents/{id}/edit", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains($"href=\"/signin?return=%2Fincidents%2F{id}%2Fedit\"", (await HtmlPage.LoadAsync(response)).Html);
    }
}
