namespace Vigil.Domain.Incidents;

/// <summary>Vigil's own event taxonomy. Each dataset's type is mapped onto it and also kept as given.</summary>
public enum EventType
{
    /// <summary>Fighting between organised armed forces or groups (battles, clashes).</summary>
    ArmedClash,
    /// <summary>An attack by gunmen on a target that is not fighting back as a force.</summary>
    ArmedAssault,
    SuicideBombing,
    /// <summary>IEDs, remote-controlled and other planted explosives, grenades.</summary>
    Bombing,
    AirOrDroneStrike,
    ShellingOrArtillery,
    TargetedKilling,
    /// <summary>Kidnapping, abduction, hostage-taking.</summary>
    Kidnapping,
    /// <summary>Attacks or infiltration across an international border.</summary>
    CrossBorderAttack,
    /// <summary>Military or counter-terrorism operations by state forces.</summary>
    SecurityOperation,
    /// <summary>One-sided violence against civilians where the method is not given.</summary>
    ViolenceAgainstCivilians,
    Other,
}
