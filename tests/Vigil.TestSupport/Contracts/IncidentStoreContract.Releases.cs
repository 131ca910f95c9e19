using Vigil.Domain.Revisions;
using Vigil.Storage;
using Xunit;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// Releases that replace one another (UCDP Candidate, then GED): a release withdraws the records of its period it no
/// longer carries, a final release supersedes the provisional records it carries — each a deletion with a revision
/// giving the reason, inside the import's transaction (nothing withdrawn when the import is abandoned).
/// </summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public void A_release_withdraws_the_records_of_its_period_it_no_longer_carries()
    {
        using var store = OpenFresh();
        Import(store, Incidents.Sample(id: "1", day: 1), Incidents.Sample(id: "2", day: 5), Incidents.Sample(id: "3", day: 9));

        IReadOnlyList<string> withdrawn;
        using (var session = store.BeginImport(new ImportRequest("test", "b.csv", "test", "tester")))
        {
            session.Upsert(Incidents.Sample(id: "1", day: 1));
            // Record 3 lies outside the period this release covers (days 1 to 6): it stays.
            withdrawn = session.Withdraw("test", Incidents.Sample(day: 1).Date.Start, Incidents.Sample(day: 6).Date.Start, "not in the release");
            session.Commit(0, "sha");
        }

        Assert.Equal(["2"], withdrawn);
        Assert.Equal(["1", "3"], store.Query(IncidentQuery.All).Select(i => i.SourceRecord!.RecordId).Order(StringComparer.Ordinal));
        var gone = store.Query(IncidentQuery.All with { IncludeDeleted = true }).Single(i => i.SourceRecord!.RecordId == "2");
        Assert.NotNull(gone.DeletedAt);
        var revision = store.GetRevisions(gone.Id)[^1];
        Assert.Equal((RevisionKind.Delete, "not in the release"), (revision.Kind, revision.Reason));
    }

    [Fact]
    public void An_abandoned_release_withdraws_nothing()
    {
        using var store = OpenFresh();
        Import(store, Incidents.Sample(id: "1"), Incidents.Sample(id: "2"));
        using (var session = store.BeginImport(new ImportRequest("test", "b.csv", "test", "tester")))
        {
            session.Upsert(Incidents.Sample(id: "1"));
            Assert.Single(session.Withdraw("test", DateOnly.MinValue, DateOnly.MaxValue, "not in the release"));
            // Disposed without Commit.
        }

        Assert.Equal(2, store.Count(IncidentQuery.All));
    }

    [Fact]
    public void A_final_release_supersedes_the_provisional_records_it_carries()
    {
        using var store = OpenFresh();
        Import(store, Incidents.Sample(dataset: "provisional", id: "7"), Incidents.Sample(dataset: "provisional", id: "8"));

        IReadOnlyList<string> superseded;
        using (var session = store.BeginImport(new ImportRequest("final", "f.csv", "final", "tester")))
        {
            session.Upsert(Incidents.Sample(dataset: "final", id: "8"));
            session.Upsert(Incidents.Sample(dataset: "final", id: "9"));
            superseded = session.Supersede("provisional", "final", "superseded");
            session.Commit(0, "sha");
        }

        Assert.Equal(["8"], superseded);
        var live = store.Query(IncidentQuery.All).Select(i => $"{i.SourceRecord!.Dataset}:{i.SourceRecord.RecordId}").Order(StringComparer.Ordinal);
        Assert.Equal(["final:8", "final:9", "provisional:7"], live);
    }
}
