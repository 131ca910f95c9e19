using Vigil.Accountability.Border;
using Vigil.Domain.Border;
using Vigil.Domain.Incidents;
using Vigil.Domain.Time;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Accountability.Tests;

public sealed class NearbyViolenceTests : IDisposable
{
    private static readonly Crossing Torkham = new() { Key = "torkham", Name = "Torkham", Latitude = 34.190457, Longitude = 71.069264 };
    private readonly TempDirectory _dir = new();
    private readonly SqliteIncidentStore _store;

    public NearbyViolenceTests()
    {
        _store = SqliteIncidentStore.Open(_dir.File("vigil.db"), new TestClock());
        using var session = _store.BeginImport(new ImportRequest("test", "near.csv", "test", "test"));
        var n = 0;
        void Add(string day, double? lat, double? lon, int killed) => session.Upsert(new Incident
        {
            SourceRecord = new SourceRecordKey("test", (++n).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Date = IncidentDate.OnDay(DateOnly.ParseExact(day, "yyyy-MM-dd")),
            Place = new Place { Country = "Pakistan", Latitude = lat, Longitude = lon, GeoPrecision = lat is null ? GeoPrecision.Unknown : GeoPrecision.Exact },
            Killed = CasualtyCount.Exactly(killed),
        });
        Add("2023-03-02", 34.190457, 71.069264, 3);   // at the crossing, during the closure
        Add("2023-03-05", 34.30, 71.07, 4);            // about 12 km north, during
        Add("2023-03-06", 34.60, 71.07, 50);           // 45.5 km north: outside 25 km
        Add("2023-03-03", null, null, 9);              // no coordinates: cannot be placed
        Add("2023-02-25", 34.190457, 71.069264, 1);   // in the 10 days before the closure
        Add("2023-01-15", 34.190457, 71.069264, 1);   // near, but in neither window
        session.Commit(0, "none");
    }

    [Fact]
    public void Incidents_within_the_radius_are_counted_per_period_and_during_and_before_the_closure()
    {
        StatusEvent Event(CrossingStatus s, string day) => new() { CrossingKey = "torkham", Status = s, From = DateOnly.ParseExact(day, "yyyy-MM-dd") };
        var episodes = ClosureEpisodes.Derive([Event(CrossingStatus.Closed, "2023-03-01"), Event(CrossingStatus.Open, "2023-03-11")], new DateOnly(2026, 11, 1));

        var report = NearbyViolenceReport.Build(_store, Torkham, episodes, 25, PeriodUnit.Month, new DateOnly(2026, 11, 1));

        Assert.Equal([("2023-01", 1L), ("2023-02", 1L), ("2023-03", 2L)], report.IncidentsPerPeriod.Select(v => (v.Period.Label, v.Value)));
        Assert.Equal(new WindowCount(2, 7, 10), report.DuringClosures);   // 1–10 March
        Assert.Equal(new WindowCount(1, 1, 10), report.BeforeClosures);   // 19–28 February
        Assert.Equal(2.0, report.Comparison!.RateRatio!.Value, 10);
        // 3 events, each "during" with probability 1/2: P(X >= 2) = 1/2, doubled and capped at 1.
        Assert.Equal(1.0, report.Comparison.PValue, 10);
    }

    [Fact]
    public void A_wider_radius_takes_in_the_incident_45_km_away()
    {
        var near = NearbyViolenceReport.Nearby(_store, Torkham, 50, []);
        Assert.Equal(5, near.Count);
        Assert.Equal(4, NearbyViolenceReport.Nearby(_store, Torkham, 25, []).Count);
    }

    [Fact]
    public void Violence_near_a_crossing_counts_the_primary_dataset_not_every_dataset_added_together()
    {
        // A second dataset records the attack at the crossing on 2 March again: added together it would count twice.
        using (var session = _store.BeginImport(new ImportRequest("news", "news.csv", "test", "test")))
        {
            session.Upsert(new Incident
            {
                SourceRecord = new SourceRecordKey("news", "1"),
                Date = IncidentDate.OnDay(new DateOnly(2023, 3, 2)),
                Place = new Place { Country = "Pakistan", Latitude = 34.190457, Longitude = 71.069264, GeoPrecision = GeoPrecision.Exact },
                Killed = CasualtyCount.Exactly(3),
            });
            session.Commit(0, "news");
        }
        var service = new AccountabilityService(_store, new Storage.Relational.RelationalAccountabilityStore(_store), new TestClock(),
            new Storage.Relational.RelationalDatasetStore(_store));
        service.Store.Save(new Domain.Accountability.AccountabilitySet { Crossings = [Torkham] });
        service.Store.AddStatusEvent(new StatusEvent { CrossingKey = "torkham", Status = CrossingStatus.Closed, From = new DateOnly(2023, 3, 1) });
        service.Store.AddStatusEvent(new StatusEvent { CrossingKey = "torkham", Status = CrossingStatus.Open, From = new DateOnly(2023, 3, 11) });

        var report = service.NearbyViolence("torkham", 25, PeriodUnit.Month);

        Assert.Equal(["test"], report.Datasets);
        Assert.Equal(new WindowCount(2, 7, 10), report.DuringClosures);
        Assert.Equal(5, NearbyViolenceReport.Nearby(_store, Torkham, 25, []).Count);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }
}
