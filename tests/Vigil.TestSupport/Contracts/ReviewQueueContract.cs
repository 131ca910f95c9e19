using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Relational;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// What the review queue must do on every back-end: accepting candidates, merges that create an incident or change
/// an existing (imported) one, and undoing each exactly. A back-end's test class says how to open a fresh store.
/// </summary>
public abstract class ReviewQueueContract
{
    protected TestClock Clock { get; } = new();

    /// <summary>A new, empty store for one test.</summary>
    protected abstract RelationalIncidentStore OpenFresh();

    private static ExtractionCandidate Report(string article) =>
        new(0, article, "Dawn", $"https://example.org/{article}", "2020-01-02", "report", "killed 3", "three killed", "{}", CandidateStatus.Pending, null, "", null, null);

    private static readonly SourceReference NewSource = new("The News", new DateOnly(2020, 1, 2), "Three killed", "https://example.org/news");

    private static Incident Imported(RelationalIncidentStore store)
    {
        using (var session = store.BeginImport(new ImportRequest("ucdp-ged", "ged.csv", "ucdp", "tester")))
        {
            session.Upsert(Incidents.Sample(dataset: "ucdp-ged", id: "425055", killed: null));
            session.Commit(0, "sha");
        }
        return store.Query(IncidentQuery.All, includeSources: true).Single();
    }

    /// <summary>Every field in its text form, bookkeeping (revision, timestamps) left out.</summary>
    private static Dictionary<string, string?> Fields(Incident i) =>
        IncidentFields.All.Where(f => !IncidentFields.Bookkeeping.Contains(f.Name)).ToDictionary(f => f.Name, f => f.Get(i));

    [Fact]
    public void A_received_article_is_kept_once_and_each_repeat_by_address_id_or_text_is_another_source()
    {
        using var store = OpenFresh();
        var queue = new CandidateQueue(store);
        QueuedArticle Article(string id, string? url, string hash) => new(id, "Blast", "Three were killed.", "incident-report") { Url = url, ContentHash = hash };

        var first = queue.Receive(Article("g1", "https://a.example/1", "h1"), new ArticleSource("A", "https://a.example/1", "g1", "2020-01-02"), [Report("g1")], "amina");
        var byUrl = queue.Receive(Article("g2", "https://a.example/1", "h2"), new ArticleSource("A2", "https://a.example/1", "g2", null), [Report("g2")], "amina");
        var byId = queue.Receive(Article("g1", "https://b.example/9", "h3"), new ArticleSource("B", "https://b.example/9", "g1", null), [Report("g1")], "amina");
        var byText = queue.Receive(Article("g4", null, "h1"), new ArticleSource("C", null, null, null), [Report("g4")], "amina");
        var other = queue.Receive(Article("g5", "https://a.example/5", "h5"), new ArticleSource("A", "https://a.example/5", "g5", null), [Report("g5")], "amina");

        Assert.False(first.Duplicate);
        Assert.Single(first.CandidateIds);
        Assert.Equal([("url", 2), ("id", 3), ("text", 4)], new[] { byUrl, byId, byText }.Select(r => (r.MatchedBy!, r.Sources)));
        Assert.All(new[] { byUrl, byId, byText }, r => Assert.Equal((first.ArticleRef, true, 0), (r.ArticleRef, r.Duplicate, r.CandidateIds.Count)));
        Assert.False(other.Duplicate);
        Assert.NotEqual(first.ArticleRef, other.ArticleRef);
        Assert.Equal(2, queue.List(CandidateStatus.Pending, 100).Count);
        Assert.Equal(["A", "A2", "B", "C"], queue.SourcesOf(first.ArticleRef).Select(s => s.Source));
        Assert.Equal(first.ArticleRef, queue.ArticleOf(first.CandidateIds[0])!.Id);
    }

    [Fact]
    public void A_merge_into_an_imported_incident_adds_sources_and_figures_and_undoing_it_restores_every_field()
    {
        using var store = OpenFresh();
        var queue = new CandidateQueue(store);
        var before = Imported(store);
        var ids = queue.Add([Report("n1"), Report("n2")]);
        var news = new IncidentQuery { Text = TextSearch.Parse("\"the news\"").Search };
        Assert.Equal(0, store.Count(news));

        var (merged, mergeId) = queue.MergeInto(ids, before.Id, "amina", "district Peshawar, 0 days apart",
            (cs, current) => current with { Sources = current.Sources.Add(NewSource), Killed = CasualtyCount.Exactly(3) });
        // The full-text index follows the merge: the source it added is searchable, and no longer once undone.
        Assert.Equal([before.Id], store.QueryIds(news));

        Assert.Equal(before.Revision + 1, merged.Revision);
        var now = store.Find(before.Id)!;
        Assert.Equal(2, store.Query(IncidentQuery.All, includeSources: true).Single().Sources.Length);
        Assert.Equal(3, now.Killed.Best);
        Assert.All(ids, id => Assert.Equal((CandidateStatus.Accepted, (long?)before.Id), (queue.Get(id)!.Status, queue.Get(id)!.IncidentId)));
        Assert.Equal(ids, queue.ReportsBehind(before.Id).Select(c => c.Id));
        var row = Assert.Single(queue.Merges(10));
        Assert.True(row.IntoExisting);
        Assert.Equal((mergeId, before.Id), (row.Id, row.Into));

        queue.UndoMerge(mergeId, "amina");
        Assert.Equal(0, store.Count(news));

        var restored = store.Query(IncidentQuery.All, includeSources: true).Single();
        Assert.Equal(Fields(before), Fields(restored));
        Assert.Null(restored.DeletedAt);
        Assert.Equal(before.Revision + 2, restored.Revision);
        Assert.Equal($"merge {mergeId} undone", store.GetRevisions(before.Id)[^1].Reason);
        Assert.All(ids, id => Assert.Equal((CandidateStatus.Pending, (long?)null), (queue.Get(id)!.Status, queue.Get(id)!.IncidentId)));
        Assert.Empty(queue.ReportsBehind(before.Id));
        Assert.NotNull(Assert.Single(queue.Merges(10)).UndoneAt);
        Assert.Throws<NotFoundException>(() => queue.UndoMerge(mergeId, "amina"));
    }

    [Fact]
    public void A_merge_is_not_undone_over_a_later_edit_of_the_incident()
    {
        using var store = OpenFresh();
        var queue = new CandidateQueue(store);
        var incident = Imported(store);
        var id = queue.Add([Report("n1")])[0];
        var merged = queue.AcceptInto(id, incident.Id, "amina", (_, current) => current with { Sources = current.Sources.Add(NewSource) });
        store.Update(merged with { Notes = "checked against the FIR" }, merged.Revision, new ChangeContext("bilal", "checked"));
        var mergeId = Assert.Single(queue.Merges(10)).Id;

        var refused = Assert.ThrowsAny<VigilException>(() => queue.UndoMerge(mergeId, "amina"));
        Assert.Contains("changed after merge", refused.Message, StringComparison.Ordinal);
        // Nothing of the undo happened: the candidate is still accepted, the edit and the source still there.
        Assert.Equal(CandidateStatus.Accepted, queue.Get(id)!.Status);
        var now = store.Query(IncidentQuery.All, includeSources: true).Single();
        Assert.Equal(("checked against the FIR", 2), (now.Notes, now.Sources.Length));
        Assert.Null(Assert.Single(queue.Merges(10)).UndoneAt);
    }

    [Fact]
    public void A_failed_merge_into_a_missing_incident_changes_nothing()
    {
        using var store = OpenFresh();
        var queue = new CandidateQueue(store);
        var ids = queue.Add([Report("n1"), Report("n2")]);

        Assert.Throws<NotFoundException>(() => queue.MergeInto(ids, 999, "amina", "why", (_, current) => current));
        Assert.All(ids, id => Assert.Equal(CandidateStatus.Pending, queue.Get(id)!.Status));
        Assert.Empty(queue.Merges(10));
    }

    [Fact]
    public void A_cluster_accepted_as_a_new_incident_is_undone_to_pending_candidates_and_a_deleted_incident()
    {
        using var store = OpenFresh();
        var queue = new CandidateQueue(store);
        var ids = queue.Add([Report("a1"), Report("a2"), Report("a3")]);

        var (incident, mergeId) = queue.AcceptCluster(ids, "amina", "district Peshawar", _ => Incidents.Sample(id: "cluster"));
        Assert.Equal(ids, queue.ReportsBehind(incident.Id).Select(c => c.Id));
        Assert.False(Assert.Single(queue.Merges(10)).IntoExisting);

        queue.UndoMerge(mergeId, "amina");
        Assert.All(ids, id => Assert.Equal(CandidateStatus.Pending, queue.Get(id)!.Status));
        Assert.Equal(0, store.Count(IncidentQuery.All));
        Assert.NotNull(store.Find(incident.Id, includeDeleted: true)!.DeletedAt);
    }
}
