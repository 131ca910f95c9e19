using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// The incidents of <see cref="ProvenanceSamples"/> and a plain one beside them, with each incident's killed under each
/// sources scope worked by hand from its sources (docs/method.md, "Sources and grades"), not by the rule's code:
/// <list type="bullet">
/// <item>2024-03-05, disputed: Umar Media (party) 60; Dawn 18–22 ("around 20"), 30 injured; Reuters 24. Independent
/// 18/20/24, all 18/20/60, party 60; injured 30 independently and from all sources, none claimed by a party.</item>
/// <item>2024-03-12, <see cref="Plain"/>: the analyst's 4–7 (best 5) killed and 2 injured, reported by two independent
/// papers that give no figure. Every scope but party: 4/5/7; party: unknown. Two independent sources: fair.</item>
/// <item>2024-03-20, claimed only: ISPR (party) 12, Dawn no figure. Independent unknown; all and party 12.</item>
/// <item>2024-03-25, the dataset "test"'s record: 3. Independent and all 3; party unknown.</item>
/// </list>
/// Grades: contested 1 (the disputed), weak 2, fair 1 (the plain): 25 % of incidents fair or better. The own records
/// and the dataset are declared to cover 2024 wholly (<see cref="Seed"/>), so claims about March are checkable.
/// </summary>
public static class SourceScopeSamples
{
    /// <summary>Killed (low, best, high) by start day, under each scope; null: unknown.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<SourceScope, (int Low, int Best, int High)?>> Killed =
        new Dictionary<string, IReadOnlyDictionary<SourceScope, (int, int, int)?>>
        {
            ["2024-03-05"] = Scopes((18, 20, 24), (18, 20, 60), (60, 60, 60)),
            ["2024-03-12"] = Scopes((4, 5, 7), (4, 5, 7), null),
            ["2024-03-20"] = Scopes(null, (12, 12, 12), (12, 12, 12)),
            ["2024-03-25"] = Scopes((3, 3, 3), (3, 3, 3), null),
        };

    /// <summary>The month's killed under a scope, summed from <see cref="Killed"/> as the statistics sum: (low, best, high, incidents with no figure).</summary>
    public static (long Low, long Best, long High, long Unknown) March(SourceScope scope)
    {
        var figures = Killed.Values.Select(k => k[scope]).ToList();
        var known = figures.OfType<(int Low, int Best, int High)>().ToList();
        return (known.Sum(k => k.Low), known.Sum(k => k.Best), known.Sum(k => k.High), figures.Count(f => f is null));
    }

    /// <summary>How many incidents are graded fair or better, and of how many: the plain one of four.</summary>
    public const int FairOrBetter = 1;

    public const int Incidents = 4;

    private static Dictionary<SourceScope, (int, int, int)?> Scopes((int, int, int)? independent, (int, int, int)? all, (int, int, int)? party) =>
        new() { [SourceScope.Independent] = independent, [SourceScope.All] = all, [SourceScope.Party] = party };

    /// <summary>Writes the four incidents into a SQLite database and declares its own records and the dataset "test" whole for 2024.</summary>
    public static void Seed(string sqlitePath)
    {
        ProvenanceSamples.Seed(sqlitePath);
        using var db = new Vigil.Storage.Relational.RelationalDatabase(Vigil.Storage.Sqlite.SqliteIncidentStore.Open(sqlitePath));
        db.Incidents.Create(Plain(), new Vigil.Domain.Revisions.ChangeContext("analyst:amina", "entered from the reports"));
        foreach (var dataset in db.Datasets.List())
        {
            db.Datasets.Save(dataset with
            {
                Coverage = dataset.Coverage with { From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 12, 31), Comprehensive = true },
            });
        }
    }

    public static Incident Plain() => new()
    {
        Date = IncidentDate.OnDay(new DateOnly(2024, 3, 12)),
        Place = new Place { Country = "Pakistan", Admin1 = "Khyber Pakhtunkhwa", Admin2 = "Peshawar" },
        EventType = EventType.Bombing,
        Category = EventCategory.MilitantAttack,
        Notes = "plain incident",
        Killed = new CasualtyCount(4, 5, 7, "4 to 7 killed", "test"),
        Injured = CasualtyCount.Exactly(2),
        Sources =
        [
            new SourceReference("The News", new DateOnly(2024, 3, 12), "Blast in Peshawar", null) { Kind = SourceType.IndependentMedia },
            new SourceReference("Express Tribune", new DateOnly(2024, 3, 13), "Peshawar blast toll", null) { Kind = SourceType.IndependentMedia },
        ],
    };
}
