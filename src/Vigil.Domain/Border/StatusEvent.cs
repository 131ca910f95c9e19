using Vigil.Domain.Accountability;

namespace Vigil.Domain.Border;

public enum CrossingStatus
{
    Open,
    Closed,
    /// <summary>Restricted: for example pedestrians only, or trade only. Not counted as closed.</summary>
    PartiallyOpen,
}

/// <summary>
/// A crossing's status from a day on (inclusive) until the next event for that crossing. Events may be
/// recorded in any order; two events on the same day are ordered by <see cref="Sequence"/> (the order they
/// were recorded in), the later one standing.
/// </summary>
public sealed record StatusEvent
{
    public required string CrossingKey { get; init; }
    public required CrossingStatus Status { get; init; }
    public required DateOnly From { get; init; }
    public string? Reason { get; init; }
    public Citation? Source { get; init; }
    public bool Sample { get; init; }
    /// <summary>The store's id (0 before it is stored); breaks ties between events on the same day.</summary>
    public long Sequence { get; init; }
}
