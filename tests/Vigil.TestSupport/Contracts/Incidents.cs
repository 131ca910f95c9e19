using Vigil.Domain.Incidents;

namespace Vigil.TestSupport.Contracts;

/// <summary>Small incidents for store tests.</summary>
public static class Incidents
{
    public static Incident Sample(string dataset = "test", string id = "1", int day = 1, string province = "Khyber Pakhtunkhwa",
        int? killed = 3, string? perpetrator = "TTP", EventType type = EventType.Bombing) => new()
        {
            SourceRecord = new SourceRecordKey(dataset, id),
            Date = IncidentDate.OnDay(new DateOnly(2020, 1, 1).AddDays(day - 1)),
            Place = new Place { Country = "Pakistan", Admin1 = province, Admin1Raw = province, Admin2 = "Peshawar", Latitude = 34.0, Longitude = 71.5, GeoPrecision = GeoPrecision.Exact },
            EventType = type,
            Perpetrator = perpetrator is null ? null : new ActorRef(perpetrator, perpetrator),
            Killed = killed is { } k ? CasualtyCount.Exactly(k) : CasualtyCount.Unknown,
            Injured = new CasualtyCount(2, 4, 6, "2 to 6", "test"),
            Sources = [new SourceReference("Dawn", new DateOnly(2020, 1, 2), $"Blast {id}", "https://example.org/" + id)],
        };
}
