namespace Vigil.Domain.Border;

/// <summary>
/// A border crossing: its key (used in files and URLs), the name on each side where known (null = not
/// recorded, not "none"), where it is, and what kind of crossing it is.
/// </summary>
public sealed record Crossing
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public string? PakistanName { get; init; }
    public string? AfghanistanName { get; init; }
    /// <summary>The district or agency on the Pakistani side, as named in the registry.</summary>
    public string? Region { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    /// <summary>For example "land-crossing"; free text.</summary>
    public string Type { get; init; } = "land-crossing";
    public string? CoordinatesSource { get; init; }

    public (string Field, string Problem)? Problem() =>
        string.IsNullOrWhiteSpace(Key) ? ("key", "is required")
        : string.IsNullOrWhiteSpace(Name) ? ("name", "is required")
        : Latitude is < -90 or > 90 || double.IsNaN(Latitude) ? ("latitude", $"{Latitude} is outside -90..90")
        : Longitude is < -180 or > 180 || double.IsNaN(Longitude) ? ("longitude", $"{Longitude} is outside -180..180")
        : null;
}
