namespace Vigil.Domain.Incidents;

/// <summary>
/// What kind of event an incident is, as analysts who publish monthly assessments count them: a militant attack
/// apart from a security operation. Each dataset's rule is stated in <see cref="EventCategories"/>.
/// </summary>
public enum EventCategory
{
    /// <summary>A non-state armed group attacks (bombings, assaults, targeted killings, kidnappings by militants).</summary>
    MilitantAttack,
    /// <summary>State forces act against an armed group (operations, raids, air and drone strikes).</summary>
    SecurityOperation,
    /// <summary>Fighting between armed parties where the source does not say who began it.</summary>
    ArmedClash,
    /// <summary>Anything else (one-sided violence by the state, riots, unclear events).</summary>
    Other,
}
