namespace Vigil.Geo;

/// <summary>Countries Vigil's gazetteer covers, by ISO 3166-1 alpha-3 code and English name.</summary>
public static class Countries
{
    public static readonly IReadOnlyDictionary<string, string> NameByIso3 = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["PAK"] = "Pakistan",
        ["AFG"] = "Afghanistan",
    };

    public static string? Iso3Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var trimmed = name.Trim();
        if (NameByIso3.ContainsKey(trimmed))
            return trimmed.ToUpperInvariant();
        foreach (var (iso, english) in NameByIso3)
        {
            if (string.Equals(english, trimmed, StringComparison.OrdinalIgnoreCase))
                return iso;
        }
        return null;
    }
}

/// <summary>
/// A province (admin1). A historical unit (FATA) names its <see cref="SuccessorCode"/> and the last day it
/// existed; renamings (NWFP → Khyber Pakhtunkhwa) are variants of the current unit instead.
/// </summary>
public sealed record Province(
    string Country, string Code, string Name, bool Historical, string? SuccessorCode, DateOnly? ValidUntil,
    IReadOnlyList<string> Variants);

/// <summary>
/// A district (admin2). <see cref="ProvinceCode"/> is the current province; <see cref="HistoricalProvinceCode"/>
/// the one it belonged to before a merger (former FATA agencies). <see cref="BoundaryName"/> and
/// <see cref="BoundaryId"/> are its polygon's shapeName and shapeID in the bundled boundaries, when it has
/// one (names repeat across Afghan provinces; ids do not).
/// </summary>
public sealed record District(
    string Country, string ProvinceCode, string Name, string? HistoricalProvinceCode, string? GeoNamesId,
    string? BoundaryName, string? BoundaryId, IReadOnlyList<string> Variants);

/// <summary>A town, city or border crossing, with the district it lies in.</summary>
public sealed record NamedPlace(
    string Country, string Name, IReadOnlyList<string> Variants, string? ProvinceCode, string? District,
    double? Latitude, double? Longitude, string Kind);
