namespace Vigil.Reports.Maps;

/// <summary>
/// Equirectangular projection with the cosine correction at the extent's middle latitude: a degree of
/// longitude is drawn cos(φ₀) times as wide as a degree of latitude, so shapes keep their proportions at
/// the latitudes of one country. The extent is fitted, centred, into a pixel box of the figure (layout
/// units; a PNG is <see cref="Figures.ReportFigure.PngScale"/> times larger).
/// </summary>
public sealed class MapProjection
{
    public MapProjection(double minLon, double minLat, double maxLon, double maxLat, double boxLeft, double boxTop, double boxWidth, double boxHeight)
    {
        if (!(maxLon > minLon && maxLat > minLat))
            throw new ArgumentException($"Empty map extent {minLon},{minLat} – {maxLon},{maxLat}");
        CosLatitude = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var width = (maxLon - minLon) * CosLatitude;
        var height = maxLat - minLat;
        PixelsPerDegree = Math.Min(boxWidth / width, boxHeight / height);
        // Centre the extent in the box; the spare room goes to both sides equally.
        OriginX = boxLeft + ((boxWidth - (width * PixelsPerDegree)) / 2) - (minLon * CosLatitude * PixelsPerDegree);
        OriginY = boxTop + ((boxHeight - (height * PixelsPerDegree)) / 2) + (maxLat * PixelsPerDegree);
    }

    /// <summary>cos(φ₀): the width of a degree of longitude relative to a degree of latitude.</summary>
    public double CosLatitude { get; }

    /// <summary>Pixels per degree of latitude.</summary>
    public double PixelsPerDegree { get; }

    private double OriginX { get; }
    private double OriginY { get; }

    /// <summary>Where a point lies in the figure, in layout units from its top-left corner.</summary>
    public (double X, double Y) ToPixel(double longitude, double latitude) =>
        (OriginX + (longitude * CosLatitude * PixelsPerDegree), OriginY - (latitude * PixelsPerDegree));

    /// <summary>The inverse of <see cref="ToPixel"/>.</summary>
    public (double Longitude, double Latitude) ToLonLat(double x, double y) =>
        ((x - OriginX) / (CosLatitude * PixelsPerDegree), (OriginY - y) / PixelsPerDegree);
}
