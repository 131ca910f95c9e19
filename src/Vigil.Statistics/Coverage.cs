using Vigil.Domain.Claims;
using Vigil.Domain.Datasets;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Statistics;

/// <summary>How much of a period a scope's datasets cover.</summary>
public enum CoverageState
{
    /// <summary>Every day of the period is covered: its figures are complete and take part in changes and records.</summary>
    Full,

    /// <summary>Some days are covered, or only records that are not comprehensive reach it: shown, never compared.</summary>
    Partial,

    /// <summary>Nothing covers it: "no data", never zero.</summary>
    None,
}

/// <summary>
/// What a scope's datasets cover: the union of the spans of those datasets that code the kinds of event the scope asks
/// for. Built once per figure from the datasets in scope; <see cref="Everything"/> stands for a caller that has no
/// datasets to go by (every period covered, as before datasets were first-class).
/// </summary>
public sealed class Coverage
{
    private readonly List<DaySpan> _spans;

    /// <summary>Spans covered for some of the scope's countries only: a period they reach is partial, never full.</summary>
    private readonly List<DaySpan> _partial;

    private Coverage(IReadOnlyList<Dataset> datasets, List<DaySpan> spans, List<DaySpan> partial, IReadOnlyList<string> notes, IReadOnlyList<string> notRecorded)
    {
        Datasets = datasets;
        _spans = spans;
        _partial = partial;
        Notes = notes;
        NotRecorded = notRecorded;
    }

    public static Coverage Everything { get; } = new([], [new DaySpan(DateOnly.MinValue, DateOnly.MaxValue)], [], [], []);

    /// <summary>The datasets of the scope that can answer it (those that code its kinds of event).</summary>
    public IReadOnlyList<Dataset> Datasets { get; }

    /// <summary>What the scope asks that its datasets do not code ("UCDP GED does not code suicide-bombing").</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Metrics ("injured") none of the scope's datasets records: "not recorded", never zero.</summary>
    public IReadOnlyList<string> NotRecorded { get; }

    /// <summary>The spans covered fully, merged and in order.</summary>
    public IReadOnlyList<DaySpan> Spans => _spans;

    public bool Records(string metric) => !NotRecorded.Contains(metric, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Why a covered figure has no number, or null when it has one: "not recorded" (no dataset in scope records the
    /// metric) or "unknown" (every one of the incidents has no figure for it). Incidents are always counted.
    /// </summary>
    public string? Missing(ClaimMetric metric, long incidents, long unknown)
    {
        if (metric == ClaimMetric.Attacks)
            return null;
        if (!Records(metric == ClaimMetric.Injured ? "injured" : "killed"))
            return "not recorded";
        return incidents > 0 && unknown == incidents ? "unknown" : null;
    }

    /// <summary>
    /// The coverage of the datasets in scope for a query's kinds of event and countries. A dataset that declares its
    /// countries covers only those: one that covers none of the scope's countries cannot answer it, and one that covers
    /// some of them makes its days partial. The scope's countries are those it names, or else every country its
    /// datasets declare (a dataset that declares none covers every country).
    /// </summary>
    public static Coverage For(IReadOnlyList<Dataset> inScope, IncidentQuery query)
    {
        var types = query.EventTypes.Select(t => EnumText<EventType>.TryParse(t, out var v) ? v : (EventType?)null).OfType<EventType>().ToList();
        var notes = new List<string>();
        var relevant = new List<Dataset>();
        foreach (var d in inScope)
        {
            var uncoded = types.Where(t => !d.Coverage.Codes(t)).ToList();
            if (types.Count > 0 && uncoded.Count == types.Count)
                notes.Add($"{d.Title} does not code {string.Join(" or ", uncoded.Select(EnumText<EventType>.Format))}" +
                    (d.Coverage.Kinds.Length > 0 ? $" (it codes {d.Coverage.Kinds})" : ""));
            else
                relevant.Add(d);
        }
        var asked = query.Countries.Count > 0 || relevant.Any(d => d.Coverage.Countries.Count == 0)
            ? query.Countries
            : [.. relevant.SelectMany(d => d.Coverage.Countries).Distinct(StringComparer.OrdinalIgnoreCase)];
        var full = new List<Dataset>();
        var partial = new List<Dataset>();
        foreach (var d in relevant.ToList())
        {
            var declared = d.Coverage.Countries;
            var covered = asked.Where(c => declared.Count == 0 || declared.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (covered.Count == asked.Count)
            {
                full.Add(d);
                continue;
            }
            var only = $"{d.Title} covers {string.Join(", ", declared)} only";
            if (covered.Count == 0)
            {
                relevant.Remove(d);
                notes.Add($"{only}: no data for {string.Join(", ", asked)}");
            }
            else
            {
                partial.Add(d);
                notes.Add($"{only}: the months it alone covers leave out {string.Join(", ", asked.Except(covered, StringComparer.OrdinalIgnoreCase))} and are partial");
            }
        }
        var spans = Merge(full.SelectMany(d => d.Coverage.Spans()));
        var partialSpans = Merge(partial.SelectMany(d => d.Coverage.Spans()));
        var notRecorded = new[] { "killed", "injured" }
            .Where(m => relevant.Count > 0 && relevant.All(d => !d.Coverage.Records(m))).ToList();
        return new Coverage(relevant, spans, partialSpans, notes, notRecorded);
    }

    public CoverageState Of(Period period) => Of(period.Start, period.End);

    public CoverageState Of(DateOnly from, DateOnly to)
    {
        foreach (var s in _spans)
        {
            if (s.From <= from && s.To >= to)
                return CoverageState.Full;
        }
        return _spans.Concat(_partial).Any(s => s.Overlaps(from, to)) ? CoverageState.Partial : CoverageState.None;
    }

    /// <summary>The first and last day covered, fully or for some of the scope's countries (null when nothing is).</summary>
    public (DateOnly? First, DateOnly? Last) Bounds()
    {
        if (ReferenceEquals(this, Everything) || _spans.Count + _partial.Count == 0)
            return (null, null);
        var all = _spans.Concat(_partial).ToList();
        return (all.Min(s => s.From), all.Max(s => s.To));
    }

    /// <summary>"1989-01-01 to 2021-12-31" (with gaps named; days covered for some countries only said so), or "nothing".</summary>
    public string Describe()
    {
        static string Text(IEnumerable<DaySpan> spans) => string.Join(", ", spans.Select(s => $"{s.From:yyyy-MM-dd} to {s.To:yyyy-MM-dd}"));
        if (_partial.Count == 0)
            return _spans.Count == 0 ? "nothing" : Text(_spans);
        return _spans.Count == 0 ? $"{Text(_partial)} (for some of the countries only)" : $"{Text(_spans)}; {Text(_partial)} for some of the countries only";
    }

    private static List<DaySpan> Merge(IEnumerable<DaySpan> spans)
    {
        var merged = new List<DaySpan>();
        foreach (var s in spans.OrderBy(s => s.From))
        {
            if (merged.Count > 0 && merged[^1].To.DayNumber + 1 >= s.From.DayNumber)
                merged[^1] = new DaySpan(merged[^1].From, s.To > merged[^1].To ? s.To : merged[^1].To);
            else
                merged.Add(s);
        }
        return merged;
    }
}
