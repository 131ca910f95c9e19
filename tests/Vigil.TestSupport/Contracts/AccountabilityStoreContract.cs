using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Errors;
using Vigil.Storage;
using Xunit;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// What every back-end's accountability store must do. A back-end's test class derives from this and
/// opens a fresh, empty database per test (the incident store owns the connection; disposing it closes both).
/// </summary>
public abstract class AccountabilityStoreContract
{
    protected TestClock Clock { get; } = new();

    protected abstract (IIncidentStore Incidents, IAccountabilityStore Accountability) OpenFresh();

    private static AccountabilitySet Stored(IAccountabilityStore store) => new()
    {
        Engagements = store.GetEngagements(),
        Commitments = store.GetCommitments(),
        Crossings = store.GetCrossings(),
        StatusEvents = store.GetStatusEvents(),
    };

    [Fact]
    public void A_saved_set_reads_back_with_every_field()
    {
        var (db, store) = OpenFresh();
        using var _ = db;
        var set = AccountabilitySamples.Full();

        var summary = store.Save(set);
        var stored = Stored(store);

        Assert.Equal(new AccountabilitySaveSummary(1, 2, 2, 2, 2, 0), summary);
        Assert.Equivalent(set.Engagements, stored.Engagements, strict: true);
        Assert.Equivalent(set.Commitments, stored.Commitments, strict: true);
        Assert.Equivalent(set.Crossings, stored.Crossings, strict: true);
        Assert.Equivalent(set.StatusEvents.Select(e => e with { Sequence = 0 }), stored.StatusEvents.Select(e => e with { Sequence = 0 }), strict: true);
        Assert.True(stored.StatusEvents[0].Sequence > 0 && stored.StatusEvents[1].Sequence > stored.StatusEvents[0].Sequence);
    }

    [Fact]
    public void Saving_the_same_set_again_replaces_items_and_does_not_duplicate_history()
    {
        var (db, store) = OpenFresh();
        using var _ = db;
        store.Save(AccountabilitySamples.Full());
        var before = db.DataVersion();
        var changed = AccountabilitySamples.Full() with { Engagements = [AccountabilitySamples.Full().Engagements[0] with { Place = "Islamabad" }] };

        var summary = store.Save(changed);

        Assert.Equal(0, summary.Scores);
        Assert.Equal(0, summary.StatusEvents);
        Assert.Equal(4, summary.SkippedDuplicates);
        Assert.Equal("Islamabad", Assert.Single(store.GetEngagements()).Place);
        Assert.Equal(2, store.GetCommitments()[0].Scores.Count);
        Assert.Equal(2, store.GetStatusEvents().Count);
        Assert.True(db.DataVersion() > before);
    }

    [Fact]
    public void A_set_with_an_unknown_reference_writes_nothing()
    {
        var (db, store) = OpenFresh();
        using var _ = db;
        var set = AccountabilitySamples.Full() with
        {
            StatusEvents = [.. AccountabilitySamples.Full().StatusEvents, new StatusEvent { CrossingKey = "nowhere", Status = CrossingStatus.Open, From = new DateOnly(2023, 1, 1) }],
        };

        var e = Assert.Throws<VigilException>(() => store.Save(set));

        Assert.Contains("crossing 'nowhere'", e.Message, StringComparison.Ordinal);
        Assert.True(Stored(store).IsEmpty);
    }

    [Fact]
    public void Scores_and_status_events_are_added_one_at_a_time()
    {
        var (db, store) = OpenFresh();
        using var _ = db;
        store.Save(AccountabilitySamples.Full());

        store.AddScore("c2", new ImplementationScore { AssessedOn = new DateOnly(2024, 1, 1), Score = 3, Evidence = "open all year" });
        var added = store.AddStatusEvent(new StatusEvent { CrossingKey = "chaman", Status = CrossingStatus.Closed, From = new DateOnly(2024, 2, 1) });

        Assert.Equal(3, store.GetCommitments().Single(c => c.Key == "c2").LatestScore!.Score);
        Assert.Equal(added, store.GetStatusEvents()[^1]);
        Assert.Throws<NotFoundException>(() => store.AddScore("nope", new ImplementationScore { AssessedOn = new DateOnly(2024, 1, 1), Score = 1, Evidence = "x" }));
        Assert.Throws<NotFoundException>(() => store.AddStatusEvent(new StatusEvent { CrossingKey = "nope", Status = CrossingStatus.Open, From = new DateOnly(2024, 1, 1) }));
    }
}
