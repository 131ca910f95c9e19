namespace Vigil.Domain.Incidents;

/// <summary>
/// Deaths by kind of victim when the source gives them (best estimates). Militants are the perpetrators'
/// side in an attack, or non-state fighters in a clash. Each part is null when the source does not say.
/// </summary>
public sealed record CasualtyBreakdown(int? SecurityForces, int? Civilians, int? Militants, int? Unknown)
{
    public bool IsEmpty => SecurityForces is null && Civilians is null && Militants is null && Unknown is null;
}
