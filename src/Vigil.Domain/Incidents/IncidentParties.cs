namespace Vigil.Domain.Incidents;

/// <summary>Who an incident involves, in words, by role: the attacker of an attack, the sides of a clash or an operation.</summary>
public static class IncidentParties
{
    /// <summary>
    /// "TTP" (an attack's perpetrator), "Government of Pakistan vs TTP" (a clash or an operation: state forces, armed
    /// group, the other side), or null when the source names no party.
    /// </summary>
    public static string? Describe(Incident i)
    {
        if (i.Perpetrator is { } perpetrator)
            return Name(perpetrator);
        var sides = new[] { i.StateForces, i.ArmedGroup, i.OtherParty }.OfType<ActorRef>().Select(Name).ToList();
        return sides.Count == 0 ? null : string.Join(" vs ", sides);
    }

    /// <summary>The groups (non-state parties) an incident involves, whatever their role.</summary>
    public static IEnumerable<ActorRef> Groups(Incident i)
    {
        if (i.Category == EventCategory.MilitantAttack && i.Perpetrator is { } perpetrator)
            yield return perpetrator;
        if (i.ArmedGroup is { } group)
            yield return group;
        if (i.OtherParty is { } other && i.StateForces is null)
            yield return other;
    }

    private static string Name(ActorRef actor) => actor.Name ?? actor.Raw;
}
