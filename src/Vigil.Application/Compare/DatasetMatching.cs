using Vigil.Domain.Incidents;
using Vigil.Extraction.Merging;
using Vigil.Storage;

namespace Vigil.Application.Compare;

/// <summary>
/// Each record of one scope matched with the records of another over the days both cover (<see cref="From"/>..<see cref="To"/>):
/// A's records in date order, the match of each (<see cref="RecordMatch"/>), B's record count, the work done.
/// </summary>
internal sealed record DatasetMatchRun(DateOnly From, DateOnly To, IReadOnlyList<Incident> Records, IReadOnlyList<RecordMatch> Matches,
    long BRecords, MatchCounts Counts)
{
    /// <summary>A's records the matcher could compare: dated to within a week, with a district.</summary>
    public int Compared => Matches.Count(m => !m.Why.StartsWith("no district", StringComparison.Ordinal));
}

/// <summary>
/// The one event-level matching of two datasets, shared by <c>vigil compare --events</c> (<see cref="DatasetEventComparer"/>)
/// and linking (<see cref="Links.DatasetLinking"/>): the merge rule with its window, blocked by district and date, B read one
/// district and date span at a time.
/// </summary>
internal static class DatasetMatching
{
    /// <summary>The matching, or null when the two scopes share no day.</summary>
    public static DatasetMatchRun? Run(IIncidentStore store, IncidentQuery a, IncidentQuery b, int windowDays)
    {
        var (aFirst, aLast) = store.DateRange(a);
        var (bFirst, bLast) = store.DateRange(b);
        if (aFirst is not { } a1 || aLast is not { } a2 || bFirst is not { } b1 || bLast is not { } b2 || a2 < b1 || b2 < a1)
            return null;
        var from = a1 > b1 ? a1 : b1;
        var to = a2 < b2 ? a2 : b2;
        var records = store.Query(a with { From = from, To = to, Sort = IncidentSort.Date, Limit = null }).ToList();
        var bCount = store.Count(b with { From = from, To = to, Limit = null });
        var (matches, counts) = new IncidentMatcher(new MergeRule { WindowDays = windowDays })
            .MatchRecords(records, (district, f, t) =>
                [.. store.Query(b with { Districts = [district], From = f < from ? from : f, To = t > to ? to : t, Sort = IncidentSort.Id, Limit = null })]);
        return new DatasetMatchRun(from, to, records, matches, bCount, counts);
    }
}
