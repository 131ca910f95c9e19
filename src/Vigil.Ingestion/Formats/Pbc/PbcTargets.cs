using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Formats.Pbc;

internal static class PbcTargets
{
    /// <summary>Vigil's target type for PBC's free-text "Target Type" (null when it does not say).</summary>
    public static TargetType? Classify(string? raw) => raw?.Trim().ToLowerInvariant() switch
    {
        null or "" or "unknown" => null,
        "military" or "army" or "rangers" or "frontier corps" => TargetType.SecurityForces,
        "police" or "police & rangers" => TargetType.Police,
        "civilian" or "children/women" or "civilian & police" => TargetType.Civilians,
        "religious" or "shia sect" => TargetType.Worshippers,
        "government official" or "civilian judges" or "judges & lawyers" or "advocates (lawyers)" => TargetType.Government,
        "foreigner" => TargetType.Foreigners,
        "media" => TargetType.Media,
        _ => TargetType.Other,
    };
}
