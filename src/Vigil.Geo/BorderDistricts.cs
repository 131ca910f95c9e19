using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Union;

namespace Vigil.Geo;

/// <summary>
/// The districts of two neighbouring countries that lie within a distance of the border between them: a district's
/// shape to the other country's territory (the union of its districts), measured on a plane where a degree of
/// longitude is shortened by the cosine of the two countries' middle latitude — good to a few per cent between
/// 24°N and 38°N, which is all a "within 50 km of the border" view needs.
/// </summary>
public sealed class BorderDistricts
{
    private const double KmPerDegree = 111.32;

    private readonly List<(District District, Geometry Shape)> _shapes;
    private readonly Dictionary<string, Geometry> _territory = new(StringComparer.Ordinal);
    private readonly double _cos;

    public BorderDistricts(Gazetteer gazetteer, string countryA, string countryB)
    {
        var shapes = gazetteer.DistrictShapes.Where(s => s.District.Country == countryA || s.District.Country == countryB).ToList();
        if (shapes.Count == 0)
            throw new InvalidOperationException($"no district shapes for {countryA} or {countryB}");
        var env = new Envelope();
        foreach (var (_, shape) in shapes)
            env.ExpandToInclude(shape.EnvelopeInternal);
        _cos = Math.Cos((env.MinY + env.MaxY) / 2 * Math.PI / 180);
        var scale = AffineTransformation.ScaleInstance(_cos, 1);
        _shapes = [.. shapes.Select(s => (s.District, scale.Transform(s.Shape)))];
        foreach (var country in new[] { countryA, countryB })
            _territory[country] = UnaryUnionOp.Union(_shapes.Where(s => s.District.Country == country).Select(s => s.Shape.Buffer(0)).ToList());
    }

    /// <summary>The districts (both countries) whose shape comes within <paramref name="km"/> of the other country's territory.</summary>
    public IReadOnlyList<District> Within(double km)
    {
        var degrees = km / KmPerDegree;
        return [.. _shapes.Where(s => _territory.Where(t => t.Key != s.District.Country).Any(t => s.Shape.IsWithinDistance(t.Value, degrees)))
            .Select(s => s.District).Distinct()];
    }
}
