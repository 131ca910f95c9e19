using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;

namespace Vigil.TestSupport;

/// <summary>
/// The changes a published report's diff must list, made by hand to December 2021 of the bundled data: the first
/// incident with deaths edited to 40 killed, the last deleted, one entered by hand (4 killed in Lahore), with the
/// figures they had, so a test can compute the report's killed headline after them on its own.
/// </summary>
public sealed record ReportChanges(long Edited, int EditedBefore, long Deleted, int DeletedKilled, long Added)
{
    public const int EditedTo = 40;
    public const int AddedKilled = 4;

    public static ReportChanges MakeInDecember2021(IVigilDatabase db)
    {
        var december = db.Incidents.Query(IncidentQuery.All with { From = new DateOnly(2021, 12, 1), To = new DateOnly(2021, 12, 31), Sort = IncidentSort.Id }).ToList();
        var a = december.First(i => i.Killed.Best is > 0);
        var b = december.Last(i => i.Killed.Best is > 0);
        db.Incidents.Update(a.Id, a.Revision, new ChangeContext("analyst:amina", "FIR"), i => i with { Killed = CasualtyCount.Exactly(EditedTo) });
        db.Incidents.Delete(b.Id, b.Revision, new ChangeContext("analyst:amina", "duplicate"));
        var added = db.Incidents.Create(new Incident
        {
            Date = IncidentDate.OnDay(new DateOnly(2021, 12, 20)),
            Place = new Place { Country = "Pakistan", Admin1 = "Punjab", Admin2 = "Lahore" },
            EventType = EventType.Bombing,
            Category = EventCategory.MilitantAttack,
            Killed = CasualtyCount.Exactly(AddedKilled),
            SourceRecord = new SourceRecordKey("ucdp-ged", "hand-1"),
        }, new ChangeContext("analyst:amina", "entered by hand")).Id;
        return new ReportChanges(a.Id, a.Killed.Best!.Value, b.Id, b.Killed.Best!.Value, added);
    }

    /// <summary>The killed headline after the changes, from the one published.</summary>
    public long KilledAfter(long published) => published - EditedBefore + EditedTo - DeletedKilled + AddedKilled;
}
