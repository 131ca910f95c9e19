namespace Vigil.Accountability.Border;

/// <summary>Distances on the Earth taken as a sphere of the mean radius (error under 0.5% against the ellipsoid).</summary>
public static class GreatCircle
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The haversine distance in kilometres between two WGS84 points given in degrees.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180.0;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }
}
