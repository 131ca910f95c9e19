using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Formats.Acled;

/// <summary>
/// An ACLED event's category and the role of each actor, from the event type and the actors' <c>inter</c> codes
/// (1 or "State forces" is the state; older files without the codes: an actor named "Military Forces of",
/// "Police Forces of" or "Government of" is). The rule, also in docs/method.md:
/// <list type="bullet">
/// <item>Explosions/Remote violence and Violence against civilians: actor 1 attacks actor 2. A group's is a
/// militant attack (perpetrator, target); the state's strike on a group is a security operation (state forces,
/// armed group); the state's violence against civilians is "other" (perpetrator, target).</item>
/// <item>Battles: ACLED does not say who began the fighting, so a clash (state forces and armed group, or two of
/// one kind), except "Government regains territory" (a security operation) and "Non-state actor overtakes
/// territory" (a militant attack).</item>
/// <item>Protests, riots and strategic developments: "other", with the actors as parties.</item>
/// </list>
/// </summary>
internal static class AcledParties
{
    public sealed record Roles(EventCategory Category, ActorRef? Perpetrator, ActorRef? Target, ActorRef? StateForces, ActorRef? ArmedGroup, ActorRef? OtherParty);

    public static Roles Of(string? eventType, string? subType, string? actor1, string? inter1, string? actor2, string? inter2)
    {
        var a = actor1 is null ? null : new ActorRef(null, actor1);
        var b = actor2 is null ? null : new ActorRef(null, actor2);
        var aState = IsState(actor1, inter1);
        var bState = IsState(actor2, inter2);
        var bCivilians = IsCivilians(actor2, inter2);
        switch (eventType)
        {
            case "Explosions/Remote violence" or "Violence against civilians":
                if (!aState)
                    return new(EventCategory.MilitantAttack, a, b, null, null, null);
                return bCivilians || b is null || eventType == "Violence against civilians"
                    ? new(EventCategory.Other, a, b, null, null, null)
                    : bState ? new(EventCategory.ArmedClash, null, null, a, null, b) : new(EventCategory.SecurityOperation, null, null, a, b, null);
            case "Battles":
                if (subType == "Non-state actor overtakes territory" && !aState)
                    return new(EventCategory.MilitantAttack, a, b, null, null, null);
                var category = subType == "Government regains territory" ? EventCategory.SecurityOperation : EventCategory.ArmedClash;
                return Sides(category, a, aState, b, bState);
            default:
                return Sides(EventCategory.Other, a, aState, b, bState);
        }
    }

    /// <summary>The state's side, the group's side, and a second side of the same kind.</summary>
    private static Roles Sides(EventCategory category, ActorRef? a, bool aState, ActorRef? b, bool bState) => (aState, bState) switch
    {
        (true, false) => new(category, null, null, a, b, null),
        (false, true) => new(category, null, null, b, a, null),
        (true, true) => new(category, null, null, a, null, b),
        _ => new(category, null, null, null, a, b),
    };

    private static bool IsState(string? actor, string? inter) => inter is not null
        ? inter is "1" || inter.Equals("State forces", StringComparison.OrdinalIgnoreCase)
        : actor is not null && (actor.StartsWith("Military Forces of", StringComparison.OrdinalIgnoreCase)
            || actor.StartsWith("Police Forces of", StringComparison.OrdinalIgnoreCase)
            || EventCategories.IsStateName(actor));

    private static bool IsCivilians(string? actor, string? inter) =>
        inter is "7" || inter?.Equals("Civilians", StringComparison.OrdinalIgnoreCase) == true
        || actor?.StartsWith("Civilians", StringComparison.OrdinalIgnoreCase) == true;
}
