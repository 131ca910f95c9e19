namespace Vigil.Domain.Incidents;

/// <summary>
/// Where an incident happened. <c>Admin1</c>/<c>Admin2</c> are Vigil's normalised (current) province and
/// district names; <c>Admin1Raw</c>/<c>Admin2Raw</c> keep exactly what the source said (for example
/// "Federally Administered Tribal Areas" beside "Khyber Pakhtunkhwa"). Latitude and longitude are WGS84
/// degrees and are given together or not at all.
/// </summary>
public sealed record Place
{
    public static readonly Place Unknown = new();

    /// <summary>Country name in English ("Pakistan", "Afghanistan").</summary>
    public string? Country { get; init; }
    public string? Admin1 { get; init; }
    public string? Admin1Raw { get; init; }
    public string? Admin2 { get; init; }
    public string? Admin2Raw { get; init; }
    /// <summary>The named location (village, town, landmark) as the source gives it.</summary>
    public string? Location { get; init; }

    public double? Latitude
    {
        get;
        init
        {
            if (value is { } lat && (double.IsNaN(lat) || lat < -90 || lat > 90))
                throw new ArgumentOutOfRangeException(nameof(Latitude), value, "latitude must be between -90 and 90");
            field = value;
        }
    }

    public double? Longitude
    {
        get;
        init
        {
            if (value is { } lon && (double.IsNaN(lon) || lon < -180 || lon > 180))
                throw new ArgumentOutOfRangeException(nameof(Longitude), value, "longitude must be between -180 and 180");
            field = value;
        }
    }

    public GeoPrecision GeoPrecision { get; init; } = GeoPrecision.Unknown;

    /// <summary>The source's own precision code, prefixed by its scheme ("ucdp:2", "acled:1").</summary>
    public string? GeoPrecisionRaw { get; init; }

    public bool HasCoordinates => Latitude is not null && Longitude is not null;

    /// <summary>Why a latitude/longitude is not acceptable, or null.</summary>
    /// <summary>The field <see cref="CoordinateProblem"/> is about: the bad value's; when one is missing, the one given.</summary>
    public static string CoordinateField(double? latitude, double? longitude) =>
        latitude is { } lat && (!double.IsFinite(lat) || lat < -90 || lat > 90) ? "latitude"
        : longitude is { } lon && (!double.IsFinite(lon) || lon < -180 || lon > 180) ? "longitude"
        : longitude is null ? "latitude"
        : "longitude";

    public static string? CoordinateProblem(double? latitude, double? longitude)
    {
        if (latitude is { } lat && (!double.IsFinite(lat) || lat < -90 || lat > 90))
            return $"latitude {lat.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside -90..90";
        if (longitude is { } lon && (!double.IsFinite(lon) || lon < -180 || lon > 180))
            return $"longitude {lon.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside -180..180";
        if (latitude is null != longitude is null)
            return "latitude and longitude must be given together";
        return null;
    }
}
