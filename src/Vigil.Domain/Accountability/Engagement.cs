namespace Vigil.Domain.Accountability;

/// <summary>How the parties met or spoke.</summary>
public enum EngagementFormat
{
    Visit,
    Talks,
    PhoneCall,
    Statement,
    Other,
}

/// <summary>Where a fact comes from: a publication, its date, and an optional address.</summary>
public sealed record Citation(string Name, DateOnly? Published = null, string? Url = null);

/// <summary>
/// A diplomatic engagement: a visit, talks, a call or a statement, on one day or from <see cref="Start"/> to
/// <see cref="End"/> (inclusive). <see cref="Key"/> is the stable, human-chosen id used in files and URLs.
/// <see cref="Sample"/> marks illustrative data that is not a sourced fact.
/// </summary>
public sealed record Engagement
{
    public required string Key { get; init; }
    public required DateOnly Start { get; init; }
    public DateOnly? End { get; init; }
    public string? Place { get; init; }
    public IReadOnlyList<string> Parties { get; init; } = [];
    public IReadOnlyList<string> Delegation { get; init; } = [];
    public EngagementFormat Format { get; init; } = EngagementFormat.Talks;
    public IReadOnlyList<string> Topics { get; init; } = [];
    public string? Outcome { get; init; }
    public IReadOnlyList<Citation> Sources { get; init; } = [];
    public bool Sample { get; init; }

    /// <summary>Checks the invariants; returns the first problem as (field, message), or null.</summary>
    public (string Field, string Problem)? Problem() =>
        string.IsNullOrWhiteSpace(Key) ? ("key", "is required")
        : End is { } end && end < Start ? ("end", $"{end:yyyy-MM-dd} is before start {Start:yyyy-MM-dd}")
        : Parties.Count == 0 ? ("parties", "name at least one party")
        : null;
}
