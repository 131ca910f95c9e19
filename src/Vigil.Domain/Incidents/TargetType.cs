namespace Vigil.Domain.Incidents;

/// <summary>Who or what was attacked, in Vigil's categories.</summary>
public enum TargetType
{
    SecurityForces,
    Police,
    Civilians,
    Worshippers,
    Government,
    Foreigners,
    Militants,
    Infrastructure,
    Media,
    Education,
    Other,
}
