namespace Vigil.Domain.Sources;

/// <summary>
/// What kind of source a registry entry is. A <see cref="Party"/> is a party to the conflict (a state's press service,
/// a group's media wing, an interim government's spokesman): its figures are claims, kept and shown apart. Every
/// other kind is independent of the fighting as far as Vigil's figures are concerned.
/// </summary>
public enum SourceType
{
    Party,
    IndependentMedia,
    Ngo,
    OfficialStatistics,
    Dataset,
}
