using System.Net;
using Vigil.Dashboard.Tests.Support;
using Vigil.Extraction;
using Vigil.Extraction.Input;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;

namespace Vigil.Dashboard.Tests.Pages;

public sealed class ReviewPageTests
{
    private static long QueueReport(string database, string text)
    {
        using var store = SqliteIncidentStore.Open(database);
        var x = ArticleExtractor.Bundled.Extract(new Article("n1", text, new DateOnly(2023, 3, 7), "Dawn", "https://example.org/n1"));
        return new CandidateQueue(store).Add([new ExtractionCandidate(0, "n1", "Dawn", "https://example.org/n1", "2023-03-07", "report", "killed 12",
            x.Report!.Killed?.Phrase, ExtractionJson.ToJson(x)["report"]!.ToJsonString(), CandidateStatus.Pending, null, "", null, null)])[0];
    }

    [Fact]
    public async Task The_review_page_lists_pending_candidates_and_an_analyst_accepts_one_into_an_incident()
    {
        using var app = DashboardApp.WithEmpty();
        var id = QueueReport(app.Database, "At least 12 people were killed in Quetta on Monday.");
        var client = app.Client(TestDatabases.AddKey(app.Database, "amina", ApiRole.Analyst));

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/review", TestContext.Current.CancellationToken));
        Assert.Contains("At least 12 people were killed", page.Text);
        Assert.Contains("href=\"/review\"", page.Html);
        var response = await client.PostAsync($"/review/{id}/accept", FormPost.With(page.Form($"/review/{id}/accept")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var store = SqliteIncidentStore.Open(app.Database);
        Assert.Equal(12, store.Query(IncidentQuery.All).Single().Killed.Best);
        Assert.Equal(CandidateStatus.Accepted, new CandidateQueue(store).Get(id)!.Status);
    }

    [Fact]
    public async Task A_viewer_sees_the_queue_without_buttons_and_cannot_reject()
    {
        using var app = DashboardApp.WithEmpty();
        var id = QueueReport(app.Database, "Five people were killed in Bannu yesterday.");
        var client = app.Client(TestDatabases.AddKey(app.Database, "guest", ApiRole.Viewer));

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/review", TestContext.Current.CancellationToken));
        Assert.Contains("Five people were killed", page.Text);
        Assert.DoesNotContain($"/review/{id}/reject", page.Html);
        var response = await client.PostAsync($"/review/{id}/reject", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var store = SqliteIncidentStore.Open(app.Database);
        Assert.Equal(CandidateStatus.Pending, new CandidateQueue(store).Get(id)!.Status);
    }
}
