using System.Net;
using System.Text.RegularExpressions;
using Vigil.Application.News;
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
    public async Task The_article_is_shown_whole_beside_its_candidates_with_every_extracted_value_marked()
    {
        using var app = DashboardApp.WithEmpty();
        const string text = "QUETTA: At least 12 people were killed and 20 injured when a bomb exploded in a market in Quetta on Monday, "
            + "police said. The banned TTP claimed the attack. Militant attacks in Balochistan rose to 31 in February 2023, up from 22 in January.";
        var x = ArticleExtractor.Bundled.Extract(new Article("n2", text, new DateOnly(2023, 3, 7), "Dawn", "https://example.org/n2", "Blast in Quetta"));
        IReadOnlyList<long> ids;
        using (var store = SqliteIncidentStore.Open(app.Database))
            ids = new CandidateQueue(store).Add(NewsIngestion.Candidates(x));
        var client = app.Client(TestDatabases.AddKey(app.Database, "guest", ApiRole.Viewer));

        var queue = await HtmlPage.LoadAsync(await client.GetAsync("/review", TestContext.Current.CancellationToken));
        Assert.Contains($"href=\"/review/{ids[0]}\"", queue.Html);
        var page = await HtmlPage.LoadAsync(await client.GetAsync($"/review/{ids[0]}", TestContext.Current.CancellationToken));

        // The whole article, and every candidate read from it listed beside it.
        Assert.Contains("Blast in Quetta", page.Text);
        var shown = Regex.Match(page.Html, "<div class=\"article-text\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(x.Text.Trim(), System.Net.WebUtility.HtmlDecode(Regex.Replace(shown, "<[^>]+>", "")).Trim());
        Assert.All(ids, id => Assert.Contains($"href=\"/review/{id}\"", page.Html));
        // Every value's evidence, computed here from the extraction itself, is inside a mark on the page.
        var marked = Regex.Matches(page.Html, "<mark[^>]*>(.*?)</mark>", RegexOptions.Singleline).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var joined = string.Concat(marked);
        var report = x.Report!;
        var expected = new List<string> { x.Text[report.Killed!.Start..report.Killed.End], x.Text[report.Injured!.Start..report.Injured.End], report.Date!.Evidence, report.Perpetrator!.Evidence };
        expected.AddRange(x.Claims.Select(c => x.Text[c.Evidence!.Start..c.Evidence.End]));
        Assert.NotEmpty(x.Claims);
        Assert.All(expected, e => Assert.Contains(e, joined));
        Assert.DoesNotContain("police said", joined);
    }

    [Fact]
    public async Task The_queue_and_the_article_show_who_gave_each_figure_and_a_partys_claim_apart()
    {
        using var app = DashboardApp.WithEmpty();
        const string text = "Police said 8 people were killed in the blast in Bannu on Monday, while the TTP claimed that 25 policemen had died.";
        var x = ArticleExtractor.Bundled.Extract(new Article("n3", text, new DateOnly(2024, 3, 12), "Dawn", "https://example.org/n3", "Blast in Bannu"));
        IReadOnlyList<long> ids;
        using (var store = SqliteIncidentStore.Open(app.Database))
            ids = new CandidateQueue(store).Add(NewsIngestion.Candidates(x));
        var client = app.Client(TestDatabases.AddKey(app.Database, "guest", ApiRole.Viewer));

        var queue = await HtmlPage.LoadAsync(await client.GetAsync("/review", TestContext.Current.CancellationToken));
        var page = await HtmlPage.LoadAsync(await client.GetAsync($"/review/{ids[0]}", TestContext.Current.CancellationToken));

        // The article's own figure with its speaker, the party's figure as its claim.
        Assert.Contains("killed 8 (digits, from Police)", queue.Text);
        Assert.Contains("party claim, TTP (the TTP): killed 25", queue.Text);
        var titles = Regex.Matches(page.Html, "<mark[^>]*title=\"([^\"]*)\"[^>]*>(.*?)</mark>", RegexOptions.Singleline)
            .Select(m => (Title: System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), Text: System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        // The claim's phrase is cut where other values start (the target "policemen"), so its pieces carry the mark.
        Assert.Contains(titles, t => t.Text.StartsWith("25", StringComparison.Ordinal) && "25 policemen had died".Contains(t.Text, StringComparison.Ordinal)
            && t.Title.Contains("party claim killed", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.Text == "Police" && t.Title.Contains("speaker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_candidate_queued_before_articles_were_kept_shows_its_evidence_and_an_unknown_one_is_not_found()
    {
        using var app = DashboardApp.WithEmpty();
        var id = QueueReport(app.Database, "Five people were killed in Bannu yesterday.");
        var client = app.Client(TestDatabases.AddKey(app.Database, "guest", ApiRole.Viewer));

        var page = await HtmlPage.LoadAsync(await client.GetAsync($"/review/{id}", TestContext.Current.CancellationToken));
        var missing = await client.GetAsync($"/review/{id + 100}", TestContext.Current.CancellationToken);

        Assert.Contains("was not kept", page.Text);
        Assert.Contains("Five people were killed", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
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
