using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Tests.Support;

/// <summary>Two incidents for the typed exports: one with every value known, one with most of them unknown.</summary>
internal static class ExportSamples
{
    public static readonly DateOnly KnownDay = new(2021, 12, 3);
    public static readonly DateTimeOffset Created = new(2022, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    public static readonly DateTimeOffset Updated = new(2022, 2, 3, 4, 5, 6, 789, TimeSpan.Zero);
    public const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    /// <summary>Killed 12 (10 to 15, 4 of them security forces), injured 30, a suicide attack, perpetrators counted.</summary>
    public static readonly Incident Known = new()
    {
        Id = 101,
        Revision = 3,
        SourceRecord = new SourceRecordKey("ucdp-ged", "5001"),
        Date = IncidentDate.OnDay(KnownDay),
        Place = new Place { Country = "Pakistan", Admin1 = "Khyber Pakhtunkhwa", Admin2 = "Peshawar", Location = "Qissa Khwani", Latitude = 34.0086, Longitude = 71.5785, GeoPrecision = GeoPrecision.Exact },
        EventType = EventType.SuicideBombing,
        Perpetrator = new ActorRef("TTP", "Tehrik-i-Taliban Pakistan"),
        Suicide = true,
        Killed = new CasualtyCount(10, 12, 15, "at least 12", "best"),
        Injured = CasualtyCount.Exactly(30),
        KilledBreakdown = new CasualtyBreakdown(4, 8, null, null),
        PerpetratorsIncluded = true,
        Sources = [new SourceReference("Dawn", new DateOnly(2021, 12, 4), "Blast in Peshawar", "https://example.org/1")],
        CreatedAt = Created,
        UpdatedAt = Updated,
    };

    /// <summary>A month-long date, no figures, suicide not, perpetrators unknown, a formula in its notes.</summary>
    public static readonly Incident Unknowns = new()
    {
        Id = 102,
        Revision = 1,
        SourceRecord = new SourceRecordKey("ucdp-ged", "5002"),
        Date = IncidentDate.InMonth(2022, 3),
        Place = new Place { Country = "Pakistan", Admin1 = "Punjab", Latitude = 31.5, Longitude = 74.3, GeoPrecision = GeoPrecision.Province },
        Suicide = false,
        Notes = Formula,
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    public static Incident[] Both => [Known, Unknowns];
}
