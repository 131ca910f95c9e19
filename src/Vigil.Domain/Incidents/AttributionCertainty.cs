namespace Vigil.Domain.Incidents;

/// <summary>How firmly an incident is attributed to its perpetrator. Null on an incident means the source does not say.</summary>
public enum AttributionCertainty
{
    /// <summary>The group claimed responsibility.</summary>
    Claimed,
    /// <summary>Attributed by officials or the source without a claim.</summary>
    Suspected,
    /// <summary>The perpetrator is not known.</summary>
    Unknown,
}
