namespace Vigil.Domain.Incidents;

/// <summary>The main weapon of an incident, where the source says (GTD's weapon type, ACLED's sub-event, PBC's file).</summary>
public enum Weapon
{
    /// <summary>Bombs, IEDs, grenades, suicide vests and vehicle bombs.</summary>
    Explosives,
    Firearms,
    /// <summary>Air and drone strikes, missiles fired from the air.</summary>
    Aerial,
    /// <summary>Shelling, artillery, mortars, rockets fired from the ground.</summary>
    Artillery,
    /// <summary>Arson and incendiary devices.</summary>
    Incendiary,
    /// <summary>Knives, blunt objects, hands.</summary>
    Melee,
    /// <summary>Chemical, biological, radiological.</summary>
    Chemical,
    Other,
}
