using Vigil.Domain.Border;

namespace Vigil.Domain.Accountability;

/// <summary>
/// Engagements, commitments (with their scores), crossings and status events taken together: what one
/// file holds, what one import writes all-or-nothing, and what an export gives back.
/// </summary>
public sealed record AccountabilitySet
{
    public static readonly AccountabilitySet Empty = new();

    public IReadOnlyList<Engagement> Engagements { get; init; } = [];
    public IReadOnlyList<Commitment> Commitments { get; init; } = [];
    public IReadOnlyList<Crossing> Crossings { get; init; } = [];
    public IReadOnlyList<StatusEvent> StatusEvents { get; init; } = [];

    public bool IsEmpty => Engagements.Count + Commitments.Count + Crossings.Count + StatusEvents.Count == 0;
}
