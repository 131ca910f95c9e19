using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;

namespace Vigil.Geo;

/// <summary>
/// Point-in-polygon over the district boundaries, through an STR-tree of prepared polygons. A point on no
/// polygon (a coast, a boundary gap) goes to the nearest district within <see cref="ToleranceDegrees"/>:
/// the bundled Pakistan layer is coarse along the Afghan border, and the Torkham crossing as UCDP geocodes
/// it lies about 6.5 km outside its Khyber polygon.
/// </summary>
public sealed class DistrictLocator
{
    /// <summary>About 10 km at these latitudes.</summary>
    public const double ToleranceDegrees = 0.1;

    private readonly STRtree<(District District, IPreparedGeometry Shape)> _tree = new();
    private readonly List<(District District, Geometry Shape)> _shapes = [];

    /// <summary>Every district polygon (WGS84 lon/lat), for drawing maps.</summary>
    public IReadOnlyList<(District District, Geometry Shape)> Shapes => _shapes;

    private DistrictLocator() { }

    public static DistrictLocator Load(IReadOnlyList<District> districts, params (string Country, Func<Stream> Open)[] boundaryFiles)
    {
        var locator = new DistrictLocator();
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        foreach (var (country, open) in boundaryFiles)
        {
            var byBoundary = districts.Where(d => d.Country == country && d.BoundaryId is not null)
                .ToDictionary(d => d.BoundaryId!, StringComparer.Ordinal);
            using var stream = open();
            var features = JsonSerializer.Deserialize<FeatureCollection>(stream, options)
                ?? throw new InvalidDataException($"{country} boundaries: not a GeoJSON FeatureCollection");
            foreach (var feature in features)
            {
                var id = feature.Attributes["shapeID"]?.ToString();
                if (id is null || !byBoundary.TryGetValue(id, out var district))
                    throw new InvalidDataException($"{country} boundaries: shape {id} ('{feature.Attributes["shapeName"]}') has no district in the gazetteer");
                locator._tree.Insert(feature.Geometry.EnvelopeInternal, (district, PreparedGeometryFactory.Prepare(feature.Geometry)));
                locator._shapes.Add((district, feature.Geometry));
            }
        }
        locator._tree.Build();
        return locator;
    }

    /// <summary>
    /// The district at a point. The two countries' boundary files overlap slightly along the border, so a
    /// point on it (a crossing) can lie in a district of each; <paramref name="countryIso3"/>, when known,
    /// picks the side.
    /// </summary>
    public District? Locate(double latitude, double longitude, string? countryIso3 = null) =>
        Locate(latitude, longitude, d => countryIso3 is null || d.Country == countryIso3);

    /// <summary>
    /// The district at a point among those <paramref name="accept"/> takes: the one whose polygon holds it,
    /// else the nearest within <see cref="ToleranceDegrees"/>, else null.
    /// </summary>
    public District? Locate(double latitude, double longitude, Func<District, bool> accept)
    {
        var point = new Point(longitude, latitude);
        var envelope = new Envelope(point.Coordinate);
        foreach (var (district, shape) in _tree.Query(envelope))
        {
            if (accept(district) && shape.Covers(point))
                return district;
        }
        envelope.ExpandBy(ToleranceDegrees);
        District? nearest = null;
        var best = double.MaxValue;
        foreach (var (district, shape) in _tree.Query(envelope))
        {
            if (!accept(district))
                continue;
            var distance = shape.Geometry.Distance(point);
            if (distance <= ToleranceDegrees && distance < best)
            {
                best = distance;
                nearest = district;
            }
        }
        return nearest;
    }
}
