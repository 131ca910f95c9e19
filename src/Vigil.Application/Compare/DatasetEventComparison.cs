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
        if (DatasetMatching.Run(store, request.A, request.B, request.WindowDays) is not { } run)
            return new EventComparison(null, null, 0, 0, [], 0, 0, 0, new MatchCounts(0, 0, 0));
        var matched = run.Matches.Where(m => m.Match is not null).ToList();
        return new EventComparison(run.From, run.To, run.Records.Count, run.Compared, matched, run.Matches.Count(m => m.Ambiguous),
            run.BRecords, matched.Select(m => m.Match!.Id).Distinct().Count(), run.Counts);
    }
}
