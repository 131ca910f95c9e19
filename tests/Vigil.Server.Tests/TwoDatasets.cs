using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests;

/// <summary>
/// Two small datasets to link: one attack in Quetta that "a" and "b" both record, and one in Peshawar that "b" records
/// twice alike (an ambiguous link). Each incident 12 killed.
/// </summary>
internal static class TwoDatasets
{
    public static void Seed(string database)
    {
        using var store = SqliteIncidentStore.Open(database);
        void Add(string dataset, string id, string district, DateOnly day, EventType type) => store.Create(new Incident
        {
            SourceRecord = new SourceRecordKey(dataset, id),
            Date = IncidentDate.OnDay(day),
            Place = new Place { Country = "Pakistan", Admin1 = district == "Quetta" ? "Balochistan" : "Khyber Pakhtunkhwa", Admin2 = district },
            EventType = type,
            Killed = CasualtyCount.Exactly(12),
        }, new ChangeContext("import", null));
        Add("a", "1", "Quetta", new DateOnly(2023, 3, 6), EventType.SuicideBombing);
        Add("b", "1", "Quetta", new DateOnly(2023, 3, 6), EventType.ArmedClash);
        Add("a", "2", "Peshawar", new DateOnly(2023, 4, 1), EventType.SuicideBombing);
        Add("b", "2", "Peshawar", new DateOnly(2023, 4, 1), EventType.ArmedClash);
        Add("b", "3", "Peshawar", new DateOnly(2023, 4, 1), EventType.ViolenceAgainstCivilians);
    }
}
