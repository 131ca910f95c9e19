namespace Vigil.Domain.Actors;

public enum ActorKind
{
    State,
    Militant,
    Political,
    Civilians,
    /// <summary>The placeholder for "unknown / unidentified" perpetrators.</summary>
    Unknown,
    /// <summary>
    /// A tribe, clan, ethnic community, a party's supporters or a local leader's lashkar fighting as such (UCDP's
    /// informally organised groups: "Turi", "Supporters of PPP", "Lashkar of Zakakhel tribe"): not a standing
    /// militant organisation.
    /// </summary>
    Communal,
}

/// <summary>
/// A canonical actor with the names sources use for it. <see cref="Parent"/> names the organisation a
/// faction belongs to (Jamaat-ul-Ahrar → TTP; ISKP → IS); it is a separate actor, not an alias.
/// </summary>
public sealed record Actor(string Name, ActorKind Kind, string? Parent, IReadOnlyList<string> Aliases);
