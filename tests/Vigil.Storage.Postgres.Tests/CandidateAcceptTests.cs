using Vigil.Domain.Errors;
using Vigil.Storage;
using Vigil.Storage.Postgres;
using Vigil.Storage.Relational;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>Accepting review candidates on PostgreSQL: incident and candidate change in one transaction, merges undo.</summary>
public class CandidateAcceptTests
{
    private static ExtractionCandidate Report(string article) =>
        new(0, article, "Dawn", null, "2023-03-07", "report", "killed 5", "five killed", "{}", CandidateStatus.Pending, null, "", null, null);

    [Fact]
    public void Accept_creates_the_incident_and_marks_the_candidate_in_one_transaction()
    {
        using var store = PostgresIncidentStore.Open(PostgresServer.CreateDatabase(), new TestClock());
        var queue = new CandidateQueue(store);
        var ids = queue.Add([Report("n1"), Report("n2")]);

        var incident = queue.Accept(ids[0], "amina", _ => Incidents.Sample(id: "n1"));
        Assert.Equal((CandidateStatus.Accepted, incident.Id), (queue.Get(ids[0])!.Status, queue.Get(ids[0])!.IncidentId));
        Assert.Equal($"accepted from extraction candidate {ids[0]}", Assert.Single(store.GetRevisions(incident.Id)).Reason);

        // Accepting it again fails and creates nothing; a failing incident (same source record) leaves the candidate pending.
        Assert.Throws<NotFoundException>(() => queue.Accept(ids[0], "amina", _ => Incidents.Sample(id: "other")));
        Assert.ThrowsAny<VigilException>(() => queue.Accept(ids[1], "amina", _ => Incidents.Sample(id: "n1")));
        Assert.Equal(CandidateStatus.Pending, queue.Get(ids[1])!.Status);
        Assert.Equal(1, store.Count(IncidentQuery.All));
    }

    [Fact]
    public void A_cluster_accepted_as_one_incident_is_undone_back_to_pending_candidates_and_a_deleted_incident()
    {
        using var store = PostgresIncidentStore.Open(PostgresServer.CreateDatabase(), new TestClock());
        var queue = new CandidateQueue(store);
        var ids = queue.Add([Report("a1"), Report("a2"), Report("a3")]);

        var (incident, mergeId) = queue.AcceptCluster(ids, "amina", "district Peshawar", cs => Incidents.Sample(id: "cluster"));
        Assert.All(ids, id => Assert.Equal(incident.Id, queue.Get(id)!.IncidentId));
        Assert.Equal(1, store.Count(IncidentQuery.All));

        queue.UndoMerge(mergeId, "amina");
        Assert.All(ids, id => Assert.Equal((CandidateStatus.Pending, (long?)null), (queue.Get(id)!.Status, queue.Get(id)!.IncidentId)));
        Assert.Equal(0, store.Count(IncidentQuery.All));
        Assert.Equal("merge " + mergeId + " undone", store.GetRevisions(incident.Id)[^1].Reason);
        Assert.Throws<NotFoundException>(() => queue.UndoMerge(mergeId, "amina"));
    }
}
