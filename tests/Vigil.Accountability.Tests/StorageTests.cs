using Vigil.Accountability.Files;
using Vigil.Accountability.Tests.Support;
using Vigil.Domain.Accountability;
using Vigil.Domain.Border;
using Vigil.Domain.Errors;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Accountability.Tests;

public sealed class StorageTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteIncidentStore _db;
    private readonly RelationalAccountabilityStore _store;

    public StorageTests()
    {
        _db = SqliteIncidentStore.Open(_dir.File("vigil.db"), new TestClock());
        _store = new RelationalAccountabilityStore(_db);
    }

    private AccountabilitySet Stored() => new()
    {
        Engagements = _store.GetEngagements(),
        Commitments = _store.GetCommitments(),
        Crossings = _store.GetCrossings(),
        StatusEvents = _store.GetStatusEvents(),
    };

    [Fact]
    public void A_saved_set_reads_back_with_every_field()
    {
        var set = SampleSet.Full();
        var summary = _store.Save(set);

        Assert.Equal(new Storage.AccountabilitySaveSummary(1, 2, 2, 2, 2, 0), summary);
        Assert.Equal(AccountabilityFileWriter.Write(set, AccountabilityFormat.Json), AccountabilityFileWriter.Write(Stored(), AccountabilityFormat.Json));
        Assert.Equal(5, _db.SchemaVersion);
        var events = _store.GetStatusEvents();
        Assert.True(events[0].Sequence > 0 && events[1].Sequence > events[0].Sequence);
    }

    [Fact]
    public void Saving_the_same_set_again_replaces_items_and_does_not_duplicate_history()
    {
        _store.Save(SampleSet.Full());
        var before = _db.DataVersion();
        var changed = SampleSet.Full() with { Engagements = [SampleSet.Full().Engagements[0] with { Place = "Islamabad" }] };
        var summary = _store.Save(changed);

        Assert.Equal(0, summary.Scores);
        Assert.Equal(0, summary.StatusEvents);
        Assert.Equal(4, summary.SkippedDuplicates);
        Assert.Equal("Islamabad", Assert.Single(_store.GetEngagements()).Place);
        Assert.Equal(2, _store.GetCommitments()[0].Scores.Count);
        Assert.Equal(2, _store.GetStatusEvents().Count);
        Assert.True(_db.DataVersion() > before);
    }

    [Fact]
    public void A_set_with_an_unknown_reference_writes_nothing()
    {
        var set = SampleSet.Full() with
        {
            StatusEvents = [.. SampleSet.Full().StatusEvents, new StatusEvent { CrossingKey = "nowhere", Status = CrossingStatus.Open, From = new DateOnly(2023, 1, 1) }],
        };
        var e = Assert.Throws<VigilException>(() => _store.Save(set));

        Assert.Contains("crossing 'nowhere'", e.Message, StringComparison.Ordinal);
        Assert.True(Stored().IsEmpty);
    }

    [Fact]
    public void Scores_and_status_events_are_added_one_at_a_time()
    {
        _store.Save(SampleSet.Full());
        _store.AddScore("c2", new ImplementationScore { AssessedOn = new DateOnly(2024, 1, 1), Score = 3, Evidence = "open all year" });
        var added = _store.AddStatusEvent(new StatusEvent { CrossingKey = "chaman", Status = CrossingStatus.Closed, From = new DateOnly(2024, 2, 1) });

        Assert.Equal(3, _store.GetCommitments().Single(c => c.Key == "c2").LatestScore!.Score);
        Assert.Equal(added, _store.GetStatusEvents()[^1]);
        Assert.Throws<NotFoundException>(() => _store.AddScore("nope", new ImplementationScore { AssessedOn = new DateOnly(2024, 1, 1), Score = 1, Evidence = "x" }));
        Assert.Throws<NotFoundException>(() => _store.AddStatusEvent(new StatusEvent { CrossingKey = "nope", Status = CrossingStatus.Open, From = new DateOnly(2024, 1, 1) }));
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }
}
