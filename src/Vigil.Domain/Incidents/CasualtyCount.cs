namespace Vigil.Domain.Incidents;

/// <summary>
/// A casualty figure as a range. Null means unknown, never zero. <see cref="Low"/> ≤ <see cref="Best"/> ≤
/// <see cref="High"/> is expected but not enforced: real datasets break it (200 rows of the UCDP Pakistan
/// file do), so the values are kept as the source gave them and <see cref="Inconsistencies"/> reports it.
/// <see cref="Phrase"/> is the source's wording ("at least 12", "15-20", "0") and <see cref="Rule"/> names
/// the convention that turned it into numbers.
/// </summary>
public sealed record CasualtyCount
{
    public static readonly CasualtyCount Unknown = new();

    public CasualtyCount() { }

    public CasualtyCount(int? low, int? best, int? high, string? phrase = null, string? rule = null)
    {
        Low = low;
        Best = best;
        High = high;
        Phrase = phrase;
        Rule = rule;
    }

    public int? Low { get => field; init => field = NonNegative(value, nameof(Low)); }
    public int? Best { get => field; init => field = NonNegative(value, nameof(Best)); }
    public int? High { get => field; init => field = NonNegative(value, nameof(High)); }
    public string? Phrase { get; init; }
    public string? Rule { get; init; }

    public bool IsUnknown => Low is null && Best is null && High is null;

    /// <summary>An exact count: low = best = high.</summary>
    public static CasualtyCount Exactly(int value, string? phrase = null, string? rule = null) =>
        new(value, value, value, phrase, rule);

    /// <summary>Which ordering rules the values break (empty when consistent or unknown).</summary>
    public IEnumerable<string> Inconsistencies()
    {
        if (Low > Best) yield return "low > best";
        if (Best > High) yield return "best > high";
        if (Best is null && Low > High) yield return "low > high";
    }

    private static int? NonNegative(int? value, string name) =>
        value is < 0 ? throw new ArgumentOutOfRangeException(name, value, "a casualty count cannot be negative") : value;
}
