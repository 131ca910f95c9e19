using Vigil.Domain.Accountability;
using Vigil.Domain.Errors;
using Vigil.Storage;
using Vigil.Storage.Postgres;
using Vigil.Storage.Relational;
using Vigil.TestSupport;

namespace Vigil.Storage.Postgres.Tests;

/// <summary>Accepting an engagement candidate on PostgreSQL: the engagement and the candidate's mark commit together or not at all.</summary>
public class StatementAcceptTests
{
    private static ExtractionCandidate EngagementCandidate(string article) =>
        new(0, article, "Dawn", null, "2023-02-24", "engagement", "delegation to Kabul", "visited Kabul", "{}", CandidateStatus.Pending, null, "", null, null);

    private static Engagement Talks(string key) => new() { Key = key, Start = new DateOnly(2023, 2, 20), Parties = ["Pakistan", "Afghan officials"], Place = "Kabul" };

    [Fact]
    public void An_engagement_accept_saves_the_engagement_and_marks_the_candidate_in_one_transaction()
    {
        using var store = PostgresIncidentStore.Open(PostgresServer.CreateDatabase(), new TestClock());
        var queue = new CandidateQueue(store);
        var accountability = new RelationalAccountabilityStore(store);
        var ids = queue.Add([EngagementCandidate("n1"), EngagementCandidate("n2")]);

        var accepted = queue.AcceptAs(ids[0], "amina", (tx, _) =>
        {
            accountability.SaveIn(tx, AccountabilitySet.Empty with { Engagements = [Talks("news-1")] });
            return "engagement:news-1";
        });
        Assert.Equal("engagement:news-1", accepted.AcceptedAs);
        Assert.Equal((CandidateStatus.Accepted, "engagement:news-1", "amina"), (queue.Get(ids[0])!.Status, queue.Get(ids[0])!.AcceptedAs, queue.Get(ids[0])!.DecidedBy));
        Assert.Equal("news-1", Assert.Single(accountability.GetEngagements()).Key);

        // A write that fails after saving its engagement rolls it back with the candidate's mark.
        Assert.Throws<VigilException>(() => queue.AcceptAs(ids[1], "amina", (tx, _) =>
        {
            accountability.SaveIn(tx, AccountabilitySet.Empty with { Engagements = [Talks("news-2")] });
            throw new VigilException("refused after the write");
        }));
        Assert.Equal((CandidateStatus.Pending, (string?)null), (queue.Get(ids[1])!.Status, queue.Get(ids[1])!.AcceptedAs));
        Assert.Equal(["news-1"], accountability.GetEngagements().Select(e => e.Key));

        // A commitment whose engagement does not exist is refused inside the transaction; an accepted candidate is not accepted twice.
        Assert.Throws<VigilException>(() => queue.AcceptAs(ids[1], "amina", (tx, _) =>
        {
            accountability.SaveIn(tx, AccountabilitySet.Empty with
            {
                Commitments = [new Commitment { Key = "c", EngagementKey = "none", MadeOn = new DateOnly(2023, 2, 24), MadeBy = "x", Words = "w", Indicator = new Indicator { Name = "i" } }],
            });
            return "commitment:c";
        }));
        Assert.Empty(accountability.GetCommitments());
        Assert.Throws<NotFoundException>(() => queue.AcceptAs(ids[0], "amina", (_, _) => "engagement:again"));
    }
}
