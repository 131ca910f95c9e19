using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Formats.Acled;

/// <summary>ACLED's event and sub-event types, and actor names, onto Vigil's taxonomy.</summary>
internal static class AcledTypes
{
    public static EventType Classify(string? eventType, string? subType) => (eventType, subType) switch
    {
        (_, "Suicide bomb") => EventType.SuicideBombing,
        (_, "Remote explosive/landmine/IED" or "Grenade") => EventType.Bombing,
        (_, "Air/drone strike") => EventType.AirOrDroneStrike,
        (_, "Shelling/artillery/missile attack") => EventType.ShellingOrArtillery,
        (_, "Abduction/forced disappearance") => EventType.Kidnapping,
        ("Battles", _) => EventType.ArmedClash,
        ("Violence against civilians", "Attack") => EventType.ArmedAssault,
        ("Violence against civilians", _) => EventType.ViolenceAgainstCivilians,
        _ => EventType.Other,
    };

    /// <summary>The weapon an ACLED sub-event names (null for those that name none: armed clash, attack, ...).</summary>
    public static Weapon? WeaponOf(string? subType) => subType switch
    {
        "Suicide bomb" or "Remote explosive/landmine/IED" or "Grenade" => Weapon.Explosives,
        "Air/drone strike" => Weapon.Aerial,
        "Shelling/artillery/missile attack" => Weapon.Artillery,
        "Chemical weapon" => Weapon.Chemical,
        _ => null,
    };

    public static TargetType? TargetOf(string? actor)
    {
        if (actor is null)
            return null;
        if (actor.StartsWith("Civilians", StringComparison.OrdinalIgnoreCase))
            return TargetType.Civilians;
        if (actor.StartsWith("Police Forces", StringComparison.OrdinalIgnoreCase))
            return TargetType.Police;
        if (actor.StartsWith("Military Forces", StringComparison.OrdinalIgnoreCase))
            return TargetType.SecurityForces;
        if (actor.StartsWith("Government of", StringComparison.OrdinalIgnoreCase))
            return TargetType.Government;
        return TargetType.Other;
    }
}
