using Vigil.Storage.Relational;
using Vigil.TestSupport;
using Vigil.TestSupport.Contracts;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>The accountability store contract on PostgreSQL, a fresh database per test.</summary>
public sealed class PostgresAccountabilityContractTests : AccountabilityStoreContract
{
    protected override (IIncidentStore Incidents, IAccountabilityStore Accountability) OpenFresh()
    {
        var store = PostgresIncidentStore.Open(PostgresServer.CreateDatabase(), Clock);
        return (store, new RelationalAccountabilityStore(store));
    }
}

/// <summary>The extraction review queue (schema version 6) on PostgreSQL.</summary>
public sealed class PostgresCandidateQueueTests
{
    [Fact]
    public void Candidates_are_added_listed_by_status_and_rejected()
    {
        using var store = PostgresIncidentStore.Open(PostgresServer.CreateDatabase(), new TestClock());
        var queue = new CandidateQueue(store);
        var ids = queue.Add([
            new ExtractionCandidate(0, "a1", "Dawn", null, "2023-02-24", "report", "12 killed in Peshawar", "12 people were killed", "{}", CandidateStatus.Pending, null, "", null, null),
            new ExtractionCandidate(0, "a1", "Dawn", null, "2023-02-24", "claim", "killed 134 in January 2023", null, "{}", CandidateStatus.Pending, null, "", null, null),
        ]);
        Assert.Equal(2, ids.Count);
        Assert.True(ids[1] > ids[0]);

        queue.Reject(ids[0], "analyst:amina");

        Assert.Equal([ids[1]], queue.List(CandidateStatus.Pending, 10).Select(c => c.Id));
        var rejected = Assert.Single(queue.List(CandidateStatus.Rejected, 10));
        Assert.Equal("analyst:amina", rejected.DecidedBy);
        Assert.Throws<Domain.Errors.NotFoundException>(() => queue.Reject(ids[0], "again"));
        Assert.Equal(0, store.Count(IncidentQuery.All));
    }
}
