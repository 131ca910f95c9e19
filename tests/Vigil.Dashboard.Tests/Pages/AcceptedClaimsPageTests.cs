using System.Net;
using Vigil.Dashboard.Tests.Support;
using Vigil.Domain.Claims;
using Vigil.Extraction.Input;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;

namespace Vigil.Dashboard.Tests.Pages;

public sealed class AcceptedClaimsPageTests
{
    [Fact]
    public async Task A_claim_accepted_on_the_review_page_is_listed_on_the_claims_page_with_its_verdict()
    {
        using var app = DashboardApp.WithEmpty();
        const string text = "At least 254 people were injured in militant attacks across the country in January 2023.";
        long id;
        using (var store = SqliteIncidentStore.Open(app.Database))
        {
            var claim = Extraction.ArticleExtractor.Bundled.Extract(new Article("n1", text, new DateOnly(2023, 2, 24), "Dawn", "https://example.org/n1")).Claims.Single();
            id = new CandidateQueue(store).Add([new ExtractionCandidate(0, "n1", "Dawn", "https://example.org/n1", "2023-02-24", "claim", "injured at least 254",
                "254 people were injured", ClaimJson.ToJson(claim).ToJsonString(), CandidateStatus.Pending, null, "", null, null)])[0];
        }
        var client = app.Client(TestDatabases.AddKey(app.Database, "amina", ApiRole.Analyst));

        var review = await HtmlPage.LoadAsync(await client.GetAsync("/review", TestContext.Current.CancellationToken));
        var response = await client.PostAsync($"/review/{id}/accept", FormPost.With(review.Form($"/review/{id}/accept")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"accepted%20as%20claim%201", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/claims", TestContext.Current.CancellationToken));
        Assert.Contains("Claims accepted from the news", page.Text);
        Assert.Contains("254 people were injured", page.Text);
        Assert.Contains("data-verdict=\"not-checkable\"", page.Html);
        Assert.Contains("href=\"https://example.org/n1\"", page.Html);
    }
}
