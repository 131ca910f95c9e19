namespace Vigil.Domain.Incidents;

/// <summary>
/// How an incident's <see cref="EventCategory"/> is decided when the source does not state it. Each dataset's
/// format applies its own rule (documented in docs/method.md, "Event categories"); this is the rule for
/// incidents entered by hand, extracted from news, or read from a file that gives no category: the event type and
/// whether the party that acted is the state.
/// </summary>
public static class EventCategories
{
    /// <summary>
    /// Air or drone strikes and security operations are the state's (a security operation); an armed clash is a
    /// clash; cross-border attacks and one-sided violence against civilians by the state are "other"; every other
    /// kind of attack (bombing, suicide bombing, armed assault, targeted killing, kidnapping, shelling, violence
    /// against civilians) is a militant attack unless the perpetrator is the state, when it is "other".
    /// </summary>
    public static EventCategory FromType(EventType type, bool perpetratorIsState) => type switch
    {
        EventType.AirOrDroneStrike or EventType.SecurityOperation => EventCategory.SecurityOperation,
        EventType.ArmedClash => EventCategory.ArmedClash,
        EventType.CrossBorderAttack or EventType.Other => EventCategory.Other,
        _ => perpetratorIsState ? EventCategory.Other : EventCategory.MilitantAttack,
    };

    /// <summary>The category by <see cref="FromType(EventType, bool)"/>, the perpetrator a state when its name (canonical, else raw) is a state's.</summary>
    public static EventCategory FromType(EventType type, ActorRef? perpetrator) =>
        FromType(type, IsStateName(perpetrator?.Name ?? perpetrator?.Raw));

    /// <summary>Whether an actor's name is a state's, as the datasets write states ("Government of Pakistan").</summary>
    public static bool IsStateName(string? name) =>
        name is not null && name.TrimStart().StartsWith("Government of", StringComparison.OrdinalIgnoreCase);
}
