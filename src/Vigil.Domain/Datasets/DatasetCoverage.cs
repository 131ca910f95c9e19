using Vigil.Domain.Incidents;

namespace Vigil.Domain.Datasets;

/// <summary>
/// What a dataset covers: the days (declared, or the span of its data), the gaps inside them (GTD has no 1993), the
/// countries, the kinds of event it codes and the figures it does not record. A period outside the coverage is
/// "no data", never zero.
/// </summary>
public sealed record DatasetCoverage
{
    /// <summary>The first day covered, when declared; otherwise the data's first day (see <see cref="WholeYears"/>).</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day covered, when declared; otherwise the data's last day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The first and last day of its incidents, as the store finds them.</summary>
    public DateOnly? DataFrom { get; init; }

    public DateOnly? DataTo { get; init; }

    /// <summary>
    /// The dataset is published by whole calendar years (UCDP GED): undeclared bounds are widened to the years of the
    /// data, so a first event on 3 January still leaves January covered.
    /// </summary>
    public bool WholeYears { get; init; }

    /// <summary>Declared spans inside the coverage that the dataset does not cover.</summary>
    public IReadOnlyList<DaySpan> Gaps { get; init; } = [];

    /// <summary>
    /// The dataset this one carries on in time, when it is that dataset's provisional continuation (UCDP Candidate
    /// continues UCDP GED until the yearly release supersedes its events): a scope that names no dataset takes the
    /// primary one and those that continue it, so the default reaches the months the final release does not yet.
    /// </summary>
    public string? Continues { get; init; }

    /// <summary>The countries it covers (names as incidents carry them); empty: the countries of its data.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The kinds of event it codes; empty: every kind.</summary>
    public IReadOnlyList<EventType> EventTypes { get; init; } = [];

    /// <summary>In words, what it counts ("organised violence with at least one death").</summary>
    public string Kinds { get; init; } = "";

    /// <summary>Figures it does not record at all (injured for UCDP GED and ACLED).</summary>
    public IReadOnlyList<string> NotRecorded { get; init; } = [];

    /// <summary>
    /// False for the team's own records: they are what analysts happened to enter, so a month they alone reach is
    /// partial (shown, never compared or called a record) unless an analyst declares a span they cover fully.
    /// </summary>
    public bool Comprehensive { get; init; } = true;

    public DateOnly? EffectiveFrom => From ?? (WholeYears && DataFrom is { } f ? new DateOnly(f.Year, 1, 1) : DataFrom);

    public DateOnly? EffectiveTo => To ?? (WholeYears && DataTo is { } t ? new DateOnly(t.Year, 12, 31) : DataTo);

    /// <summary>Whether the dataset codes this kind of event.</summary>
    public bool Codes(EventType type) => EventTypes.Count == 0 || EventTypes.Contains(type);

    public bool Records(string metric) => !NotRecorded.Contains(metric, StringComparer.OrdinalIgnoreCase);

    /// <summary>The spans it covers fully: the effective bounds minus the gaps (none for records that are not comprehensive and declare nothing).</summary>
    public IReadOnlyList<DaySpan> Spans()
    {
        if (!Comprehensive && From is null)
            return [];
        if (EffectiveFrom is not { } from || EffectiveTo is not { } to || to < from)
            return [];
        var spans = new List<DaySpan> { new(from, to) };
        foreach (var gap in Gaps.OrderBy(g => g.From))
        {
            var next = new List<DaySpan>();
            foreach (var s in spans)
                next.AddRange(s.Minus(gap));
            spans = next;
        }
        return spans;
    }
}

/// <summary>An inclusive span of days.</summary>
public readonly record struct DaySpan(DateOnly From, DateOnly To)
{
    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;

    public IEnumerable<DaySpan> Minus(DaySpan gap)
    {
        if (!Overlaps(gap.From, gap.To))
        {
            yield return this;
            yield break;
        }
        if (gap.From > From)
            yield return new DaySpan(From, gap.From.AddDays(-1));
        if (gap.To < To)
            yield return new DaySpan(gap.To.AddDays(1), To);
    }

    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
