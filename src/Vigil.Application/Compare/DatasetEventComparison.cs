using Vigil.Domain.Incidents;
using Vigil.Extraction.Merging;
using Vigil.Storage;

namespace Vigil.Application.Compare;

/// <summary>Two scopes (usually one dataset each) to compare record by record, and the merge rule's date window.</summary>
public sealed record EventComparisonRequest(IncidentQuery A, IncidentQuery B, int WindowDays);

/// <summary>
/// The comparison over the days both cover (<see cref="From"/>..<see cref="To"/>; null when they share none):
/// A's records, those dated to the day with a district (<see cref="Compared"/>), those matched with one of B's, the
/// ambiguous ones; B's record count and how many of them some record of A matched; the blocks and pairs compared.
/// </summary>
public sealed record EventComparison(
    DateOnly? From, DateOnly? To, int ARecords, int Compared, IReadOnlyList<RecordMatch> Matched, int Ambiguous,
    long BRecords, int BMatched, MatchCounts Counts)
{
    public int OnlyInA => Compared - Matched.Count - Ambiguous;
    public long OnlyInB => BRecords - BMatched;
}

/// <summary>
/// <c>vigil compare --events</c>: two datasets compared record by record over the days both cover. Each record of A
/// is matched with B's records by the merge rule (blocked by district and date window; a dataset's coarse type and
/// either side of a dyad agree). Nothing is merged: the datasets stay apart.
/// </summary>
public sealed class DatasetEventComparer(IIncidentStore store)
{
    public EventComparison Compare(EventComparisonRequest request)
    {
        var (a, b) = (request.A, request.B);
        var (aFirst, aLast) = store.DateRange(a);
        var (bFirst, bLast) = store.DateRange(b);
        if (aFirst is not { } a1 || aLast is not { } a2 || bFirst is not { } b1 || bLast is not { } b2 || a2 < b1 || b2 < a1)
            return new EventComparison(null, null, 0, 0, [], 0, 0, 0, new MatchCounts(0, 0, 0));
        var from = a1 > b1 ? a1 : b1;
        var to = a2 < b2 ? a2 : b2;
        var records = store.Query(a with { From = from, To = to, Sort = IncidentSort.Date, Limit = null }).ToList();
        var bCount = store.Count(b with { From = from, To = to, Limit = null });
        var (matches, counts) = new IncidentMatcher(new MergeRule { WindowDays = request.WindowDays })
            .MatchRecords(records, (district, f, t) =>
                [.. store.Query(b with { Districts = [district], From = f < from ? from : f, To = t > to ? to : t, Sort = IncidentSort.Id, Limit = null })]);
        var matched = matches.Where(m => m.Match is not null).ToList();
        return new EventComparison(from, to, records.Count,
            matches.Count(m => !m.Why.StartsWith("no district", StringComparison.Ordinal)),
            matched, matches.Count(m => m.Ambiguous), bCount, matched.Select(m => m.Match!.Id).Distinct().Count(), counts);
    }
}
