using System.Net;
using Vigil.Dashboard.Tests.Support;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Extraction.Review;
using Vigil.Storage;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Dashboard.Tests.Pages;

public sealed class MergesPageTests
{
    /// <summary>A stored incident with two news reports of it merged in; returns the incident, the candidates and the merge.</summary>
    private static (long Incident, IReadOnlyList<long> Candidates, long Merge) Merged(string database)
    {
        using var store = SqliteIncidentStore.Open(database);
        var incident = store.Create(new Incident
        {
            SourceRecord = new SourceRecordKey("ucdp-ged", "1"),
            Date = IncidentDate.OnDay(new DateOnly(2023, 3, 6)),
            Place = new Place { Country = "Pakistan", Admin1 = "Balochistan", Admin2 = "Quetta" },
            EventType = EventType.ArmedClash,
            Killed = CasualtyCount.Exactly(12),
        }, new ChangeContext("import", null));
        var queue = new CandidateQueue(store);
        var ids = queue.Add([ReportCandidates.From("n1", "At least 12 people were killed in a bombing in Quetta on Monday.", new DateOnly(2023, 3, 7)),
            ReportCandidates.From("n2", "Twelve people died when a bomb went off in Quetta yesterday.", new DateOnly(2023, 3, 7))]);
        var (_, merge) = queue.MergeInto(ids, incident.Id, "amina", "district Quetta, 0 day(s) apart",
            (cs, current) => ReviewDecisions.MergeIntoIncident(current, cs.Select(c => c.Payload)));
        return (incident.Id, ids, merge);
    }

    [Fact]
    public async Task An_analyst_sees_the_merge_and_undoes_it_and_its_reports_are_back_in_the_queue()
    {
        using var app = DashboardApp.WithEmpty();
        var (incident, candidates, merge) = Merged(app.Database);
        var client = app.Client(TestDatabases.AddKey(app.Database, "amina", ApiRole.Analyst));

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/review/merges", TestContext.Current.CancellationToken));
        Assert.Contains("district Quetta, 0 day(s) apart", page.Text);
        Assert.Contains("into an existing incident", page.Text);
        Assert.Contains($"href=\"/incidents/{incident}\"", page.Html);
        var response = await client.PostAsync($"/review/merges/{merge}/undo", FormPost.With(page.Form($"/review/merges/{merge}/undo")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/review/merges?done=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var store = SqliteIncidentStore.Open(app.Database);
        var queue = new CandidateQueue(store);
        Assert.All(candidates, id => Assert.Equal(CandidateStatus.Pending, queue.Get(id)!.Status));
        Assert.Empty(store.Query(IncidentQuery.All, includeSources: true).Single().Sources);
        var after = await HtmlPage.LoadAsync(await client.GetAsync("/review/merges", TestContext.Current.CancellationToken));
        Assert.Contains("undone", after.Text);
        Assert.DoesNotContain($"/review/merges/{merge}/undo", after.Html);
    }

    [Fact]
    public async Task Undoing_a_merge_whose_incident_was_edited_since_is_refused_with_the_reason_and_changes_nothing()
    {
        using var app = DashboardApp.WithEmpty();
        var (incident, candidates, merge) = Merged(app.Database);
        using (var store = SqliteIncidentStore.Open(app.Database))
        {
            var current = store.Find(incident)!;
            store.Update(current with { Notes = "checked" }, current.Revision, new ChangeContext("bilal", "checked"));
        }
        var client = app.Client(TestDatabases.AddKey(app.Database, "amina", ApiRole.Analyst));

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/review/merges", TestContext.Current.CancellationToken));
        var response = await client.PostAsync($"/review/merges/{merge}/undo", FormPost.With(page.Form($"/review/merges/{merge}/undo")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("changed after merge", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var check = SqliteIncidentStore.Open(app.Database);
        Assert.All(candidates, id => Assert.Equal(CandidateStatus.Accepted, new CandidateQueue(check).Get(id)!.Status));
        Assert.Equal("checked", check.Find(incident)!.Notes);
    }

    [Fact]
    public async Task A_viewer_sees_the_merges_without_undo_and_cannot_post_one()
    {
        using var app = DashboardApp.WithEmpty();
        var (_, candidates, merge) = Merged(app.Database);
        var client = app.Client(TestDatabases.AddKey(app.Database, "guest", ApiRole.Viewer));

        var page = await HtmlPage.LoadAsync(await client.GetAsync("/review/merges", TestContext.Current.CancellationToken));
        Assert.Contains("in force", page.Text);
        Assert.DoesNotContain("/undo", page.Html);
        var response = await client.PostAsync($"/review/merges/{merge}/undo", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var store = SqliteIncidentStore.Open(app.Database);
        Assert.All(candidates, id => Assert.Equal(CandidateStatus.Accepted, new CandidateQueue(store).Get(id)!.Status));
    }
}
