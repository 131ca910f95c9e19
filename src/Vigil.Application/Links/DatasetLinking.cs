using Vigil.Application.Compare;
using Vigil.Domain.Errors;
using Vigil.Storage;

namespace Vigil.Application.Links;

/// <summary>
/// Link dataset <see cref="DatasetA"/>'s records with <see cref="DatasetB"/>'s: the merge rule's date window
/// (<see cref="WindowDays"/>, 0 to 30), and who runs it (<see cref="By"/>, recorded on every link).
/// </summary>
public sealed record DatasetLinkRequest(string DatasetA, string DatasetB, int WindowDays = 1, string By = "cli");

/// <summary>
/// What a run did over the days both datasets cover (<see cref="From"/>..<see cref="To"/>; null when they share none):
/// A's records compared; those with one match (<see cref="Matched"/>) and those with several equally good
/// (<see cref="AmbiguousRecords"/>); the pairs newly stored as linked and as ambiguous, those already stored, those
/// skipped because an analyst had rejected them; and how long it took.
/// </summary>
public sealed record DatasetLinkResult(
    string DatasetA, string DatasetB, DateOnly? From, DateOnly? To, int Compared, int Matched, int AmbiguousRecords,
    int Linked, int Ambiguous, int AlreadyLinked, int SkippedRejected, TimeSpan Elapsed);

/// <summary>
/// <c>vigil links build</c>: each record of one dataset matched with another dataset's records over the days both
/// cover, as <c>vigil compare --events</c> does (<see cref="DatasetMatching"/>: blocked by district and date window, the
/// merge rule). A unique match is stored as a link with the matcher's reason; a record with several candidates gets one
/// ambiguous link per candidate, for an analyst. Nothing is merged: each dataset keeps its records. Running it again
/// adds only what is new, and never re-links a pair an analyst rejected.
/// </summary>
public sealed class DatasetLinking(IVigilDatabase db, TimeProvider clock)
{
    public const int MaxWindowDays = 30;

    /// <exception cref="FieldException">A dataset missing, unknown or given twice (field <c>dataset</c>), or a window out of range (<c>window_days</c>).</exception>
    public DatasetLinkResult Link(DatasetLinkRequest request)
    {
        var started = clock.GetTimestamp();
        if (request.WindowDays is < 0 or > MaxWindowDays)
            throw new FieldException("window_days", $"must be 0 to {MaxWindowDays} days");
        var (a, b) = Resolve(request.DatasetA, request.DatasetB);
        var run = DatasetMatching.Run(db.Incidents, IncidentQuery.All with { Datasets = [a] }, IncidentQuery.All with { Datasets = [b] }, request.WindowDays);
        if (run is null)
            return new DatasetLinkResult(a, b, null, null, 0, 0, 0, 0, 0, 0, 0, clock.GetElapsedTime(started));

        var proposals = new List<LinkProposal>();
        foreach (var m in run.Matches)
        {
            if (m.Match is { } match)
                proposals.Add(new LinkProposal(m.Record.Id, a, match.Id, b, LinkStatus.Linked, m.Why));
            else if (m.Ambiguous)
                proposals.AddRange(m.AlsoMatched.Select(other => new LinkProposal(m.Record.Id, a, other, b, LinkStatus.Ambiguous, m.Why)));
        }
        var stored = db.Links.Add(proposals, request.By);
        return new DatasetLinkResult(a, b, run.From, run.To, run.Compared, run.Matches.Count(m => m.Match is not null), run.Matches.Count(m => m.Ambiguous),
            stored.Linked, stored.Ambiguous, stored.AlreadyPresent, stored.SkippedRejected, clock.GetElapsedTime(started));
    }

    /// <summary>The two datasets as the database names them (matched case-insensitively), checked to be two different ones that hold records.</summary>
    private (string A, string B) Resolve(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
            throw new FieldException("dataset", "give two datasets to link (for example pbc-suicide and ucdp-ged)");
        // The monthly rollup names every dataset without a scan of the incidents.
        var known = db.Incidents.AggregateMonthly(IncidentQuery.All, GroupBy.Dataset)
            .Select(d => d.Key).OfType<string>().Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        string Find(string name) => known.FirstOrDefault(k => string.Equals(k, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new FieldException("dataset", $"'{name}' is not a dataset of this database (it has: {(known.Count == 0 ? "none" : string.Join(", ", known))})");
        var (ra, rb) = (Find(a), Find(b));
        if (string.Equals(ra, rb, StringComparison.Ordinal))
            throw new FieldException("dataset", $"'{ra}' was given twice: links join two different datasets");
        return (ra, rb);
    }
}
