using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// June 2021 in one dataset ("test"), its first and last day included so the dataset covers the whole month: three
/// incidents with <see cref="Killed"/> killed and no injury figure from any source — a month whose injuries are all
/// unknown, for the tests that look for a 0 standing for them on every surface.
/// </summary>
public static class UnknownInjuriesMonth
{
    public static readonly int[] Killed = [4, 5, 6];

    public static void Seed(string sqlitePath)
    {
        using var store = SqliteIncidentStore.Open(sqlitePath);
        using var session = store.BeginImport(new ImportRequest("test", "june.csv", "test", "seed"));
        int[] days = [1, 15, 30];
        for (var i = 0; i < days.Length; i++)
        {
            session.Upsert(Incidents.Sample(id: (i + 1).ToString(CultureInfo.InvariantCulture), killed: Killed[i]) with
            {
                Date = IncidentDate.OnDay(new DateOnly(2021, 6, days[i])),
                Injured = CasualtyCount.Unknown,
            });
        }
        session.Commit(0, "sha-june");
    }
}
