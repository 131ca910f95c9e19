using Vigil.Domain.Time;

namespace Vigil.Domain.Claims;

/// <summary>What a claim counts. Attacks are incidents in scope (narrow them with the scope's event types or actor).</summary>
public enum ClaimMetric
{
    Attacks,
    Killed,
    Injured,
}

/// <summary>How a claimed number relates to the truth it asserts: "134" is exact, "at least 44" a floor.</summary>
public enum ValueQualifier
{
    Exactly,
    About,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
}

/// <summary>What the claim is about: everything in the country, or a province, district, actor or event types within it.</summary>
public sealed record ClaimScope
{
    public string Country { get; init; } = "Pakistan";
    public string? Province { get; init; }
    public string? District { get; init; }
    /// <summary>An actor by any alias; matches perpetrator or target.</summary>
    public string? Actor { get; init; }
    public IReadOnlyList<string> EventTypes { get; init; } = [];

    /// <summary>A region reported apart (former-fata, kp-mainland), by its key; null: no region.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// Event categories counted (militant-attack, security-operation, armed-clash): a roundup's "militant attacks"
    /// are militant-attack only, its "violent incidents" include security-force actions. Empty: the attacks rule.
    /// </summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Whose deaths or injuries are counted (security-forces, militants, civilians); null: everyone's.</summary>
    public string? Victims { get; init; }

    /// <summary>The datasets to count in, in order of precedence where two record one event; empty: the database's primary dataset.</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    /// <summary>
    /// Which sources killed and injured count (<see cref="Sources.SourceScope"/>): independent by default, whatever the
    /// claim's own source (docs/method.md, "Checking claims"); all or party when asked for.
    /// </summary>
    public Sources.SourceScope Sources { get; init; } = Vigil.Domain.Sources.SourceScope.Independent;

    public string Describe()
    {
        var parts = new List<string> { District ?? Region ?? Province ?? Country };
        if (Victims is not null)
            parts.Add($"({Victims})");
        if (Categories.Count > 0)
            parts.Add($"[{string.Join(", ", Categories)}]");
        if (Actor is not null)
            parts.Add($"involving {Actor}");
        if (EventTypes.Count > 0)
            parts.Add($"({string.Join(", ", EventTypes)})");
        return string.Join(" ", parts);
    }
}

/// <summary>A comparison a claim makes besides its number.</summary>
public abstract record ClaimComparison;

public enum ChangeBaseline
{
    /// <summary>The period just before (the month before a month).</summary>
    PreviousPeriod,
    /// <summary>The same period a year before.</summary>
    SamePeriodLastYear,
}

/// <summary>"a 139 percent spike": the change in percent against a baseline period.</summary>
public sealed record ChangeComparison(double Percent, ChangeBaseline Against = ChangeBaseline.PreviousPeriod) : ClaimComparison;

/// <summary>
/// "the deadliest month since July 2018": no period after <see cref="Since"/> and before the claim's period
/// was higher. <see cref="OneOf"/> is the weaker "one of the deadliest months since": the claim's period
/// ranks among the <see cref="Top"/> highest since then.
/// </summary>
/// <para><see cref="Rank"/> above 1 is "the second deadliest month since": exactly that many periods from then, the
/// claim's included, were as high or higher (ties share a rank).</para>
public sealed record RecordComparison(Period Since, bool OneOf = false, int Top = 3, int Rank = 1) : ClaimComparison;

/// <summary>
/// The figure a claim compares its own with, as the text states it: "up from 69 in September", "from 23 in April",
/// "compared with 60 in July". A statistic in its own right (the baseline period had that many), checked beside the claim's.
/// </summary>
public sealed record StatedBaseline(Period Period, double Value, ValueQualifier Qualifier = ValueQualifier.Exactly);

/// <summary>"the highest since records began".</summary>
public sealed record AllTimeRecordComparison : ClaimComparison;

/// <summary>Where in a text a claim was read, for the evidence view (character offsets, end exclusive).</summary>
public sealed record TextSpan(int Start, int End);

/// <summary>
/// A statistical statement that can be checked against incident data: a metric, a scope, a period, the
/// claimed value with its qualifier, and optionally a comparison ("a 139 percent spike", "deadliest since
/// July 2018"). Claims come from the command line, from JSON, or from news extraction (with the text and the
/// evidence span they were read from).
/// </summary>
public sealed record Claim
{
    public required ClaimMetric Metric { get; init; }
    public ClaimScope Scope { get; init; } = new();
    public required Period Period { get; init; }
    public double? Value { get; init; }
    public ValueQualifier Qualifier { get; init; } = ValueQualifier.Exactly;
    public ClaimComparison? Comparison { get; init; }
    /// <summary>The baseline figure the claim states beside its own ("up from 69 in September"), if any.</summary>
    public StatedBaseline? Baseline { get; init; }
    /// <summary>The sentence the claim was read from, if any.</summary>
    public string? Text { get; init; }
    public TextSpan? Evidence { get; init; }
}
