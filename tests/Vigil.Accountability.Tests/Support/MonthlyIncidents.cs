using Vigil.Domain.Incidents;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.TestSupport;

namespace Vigil.Accountability.Tests.Support;

/// <summary>A fresh SQLite database holding a given number of TTP attacks in each month.</summary>
public sealed class MonthlyIncidents : IDisposable
{
    private readonly TempDirectory _dir = new();

    public MonthlyIncidents(IReadOnlyDictionary<string, int> attacksPerMonth, params string[] markerDays)
    {
        Store = SqliteIncidentStore.Open(_dir.File("vigil.db"), new TestClock());
        using var session = Store.BeginImport(new ImportRequest("test", "test.csv", "test", "test"));
        var n = 0;
        foreach (var (month, count) in attacksPerMonth)
        {
            var end = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd").AddMonths(1).AddDays(-1);
            // The first incident of a month falls on its last day, so the data visibly cover the whole month.
            for (var i = 0; i < count; i++)
                session.Upsert(Attack(++n, end.AddDays(-(i % 20)), "TTP"));
        }
        // An incident by someone else marks how far the data reach without counting in a TTP indicator.
        foreach (var day in markerDays)
            session.Upsert(Attack(++n, DateOnly.ParseExact(day, "yyyy-MM-dd"), "Baloch Liberation Army"));
        session.Commit(0, "none");
    }

    public SqliteIncidentStore Store { get; }

    private static Incident Attack(int id, DateOnly day, string perpetrator) => new()
    {
        SourceRecord = new SourceRecordKey("test", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Date = IncidentDate.OnDay(day),
        Place = new Place { Country = "Pakistan", Admin1 = "Khyber Pakhtunkhwa", Latitude = 34.0, Longitude = 71.5, GeoPrecision = GeoPrecision.Exact },
        EventType = EventType.Bombing,
        Perpetrator = new ActorRef(perpetrator, perpetrator),
        Killed = CasualtyCount.Exactly(1),
    };

    public void Dispose()
    {
        Store.Dispose();
        _dir.Dispose();
    }
}
