using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// Incidents whose sources disagree, and the figures docs/method.md ("Sources and grades") gives for them, worked by
/// hand here rather than by the rule's code:
/// <list type="bullet">
/// <item><see cref="Disputed"/> (2024-03-05, North Waziristan): Umar Media (TTP, a party) claims 60 killed; Dawn reports
/// 18–22 ("around 20") killed and 30 injured; Reuters 24 killed. Independent: best the lower median of 20 and 24 = 20,
/// low 18, high 24. All: best 20, low 18, high 60. Party: 60. 60 ≥ 2 × 20 and differs by 40 ≥ 5: contested.</item>
/// <item><see cref="ClaimedOnly"/> (2024-03-20, Khyber): ISPR (a party) claims 12 militants killed; Dawn reports the
/// operation with no figure. Independent: unknown. All: 12. Party: 12. One figure: not contested; one independent source,
/// ungraded: weak.</item>
/// <item><see cref="FromDataset"/> (2024-03-25, dataset "test"): 3 killed, its own figure; no party figure; weak (its
/// dataset is ungraded).</item>
/// </list>
/// March 2024, killed: independent best 23 (low 21, high 27, 1 unknown); all best 35 (low 33, high 75, none unknown);
/// party best 72 (low 72, high 72, 1 unknown).
/// </summary>
public static class ProvenanceSamples
{
    /// <summary>The scope that holds all three: the team's own records and the dataset "test", in March 2024.</summary>
    public const string MarchQuery = "by=month&from=2024-03&to=2024-03&dataset=all";

    /// <summary>Writes the three incidents into a SQLite database (created if new), as an analyst would enter them.</summary>
    public static void Seed(string sqlitePath)
    {
        using var store = Vigil.Storage.Sqlite.SqliteIncidentStore.Open(sqlitePath);
        var analyst = new Vigil.Domain.Revisions.ChangeContext("analyst:amina", "entered from the reports");
        store.Create(Disputed(), analyst);
        store.Create(ClaimedOnly(), analyst);
        store.Create(FromDataset(), analyst);
    }

    public static Incident Disputed() => new()
    {
        Date = IncidentDate.OnDay(new DateOnly(2024, 3, 5)),
        Place = new Place { Country = "Pakistan", Admin1 = "Khyber Pakhtunkhwa", Admin2 = "North Waziristan" },
        EventType = EventType.ArmedAssault,
        Category = EventCategory.MilitantAttack,
        Notes = "disputed attack",
        Sources =
        [
            new SourceReference("Umar Media", new DateOnly(2024, 3, 5), "TTP claims attack", null)
            {
                SourceKey = "umar-media", Kind = SourceType.Party, PartyClaim = true, Credibility = 4,
                Killed = CasualtyCount.Exactly(60, "60 soldiers killed", "digits"),
            },
            new SourceReference("Dawn", new DateOnly(2024, 3, 6), "Soldiers martyred in attack", "https://example.org/dawn/1")
            {
                Kind = SourceType.IndependentMedia,
                Killed = new CasualtyCount(18, 20, 22, "around 20", "test"),
                Injured = CasualtyCount.Exactly(30, "30 injured", "digits"),
                KilledBreakdown = new CasualtyBreakdown(20, null, null, null),
            },
            new SourceReference("Reuters", new DateOnly(2024, 3, 6), "Attack in Pakistan", "https://example.org/reuters/1")
            {
                Kind = SourceType.IndependentMedia, Credibility = 2,
                Killed = CasualtyCount.Exactly(24, "24 killed", "digits"),
            },
        ],
    };

    public static Incident ClaimedOnly() => new()
    {
        Date = IncidentDate.OnDay(new DateOnly(2024, 3, 20)),
        Place = new Place { Country = "Pakistan", Admin1 = "Khyber Pakhtunkhwa", Admin2 = "Khyber" },
        EventType = EventType.SecurityOperation,
        Category = EventCategory.SecurityOperation,
        Sources =
        [
            new SourceReference("ISPR", new DateOnly(2024, 3, 20), "Militants killed in operation", null)
            {
                SourceKey = "ispr", PartyClaim = true,
                Killed = CasualtyCount.Exactly(12, "12 terrorists were sent to hell", "digits"),
            },
            new SourceReference("Dawn", new DateOnly(2024, 3, 21), "Operation in Khyber", "https://example.org/dawn/2"),
        ],
    };

    public static Incident FromDataset() => new()
    {
        SourceRecord = new SourceRecordKey("test", "d1"),
        Date = IncidentDate.OnDay(new DateOnly(2024, 3, 25)),
        Place = new Place { Country = "Pakistan", Admin1 = "Balochistan", Admin2 = "Quetta" },
        EventType = EventType.Bombing,
        Category = EventCategory.MilitantAttack,
        Killed = CasualtyCount.Exactly(3),
        Sources = [new SourceReference("Dawn", new DateOnly(2024, 3, 25), "Blast in Quetta", null)],
    };
}
