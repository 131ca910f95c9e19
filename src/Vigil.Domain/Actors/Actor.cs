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
public sealed record Actor(string Name, ActorKind Kind, string? Parent, IReadOnlyList<string> Aliases)
{
    /// <summary>
    /// The day an armed group became the de facto state (the Afghan Taliban on 15 August 2021, when UCDP starts coding
    /// them as the government of Afghanistan); null for a group that never did.
    /// </summary>
    public DateOnly? StateFrom { get; init; }

    /// <summary>Whether the actor is a state on a day: a state always, or a group that had become one by then.</summary>
    public bool IsStateOn(DateOnly day) => Kind == ActorKind.State || StateFrom <= day;
}
