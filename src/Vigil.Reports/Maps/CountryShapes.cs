using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Simplify;
using Vigil.Geo;

namespace Vigil.Reports.Maps;

/// <summary>
/// A country's district polygons simplified for drawing, with its province outlines (unions of their
/// districts), or several countries' together. Built once per country and process: the unions take most of a second.
/// </summary>
internal sealed class CountryShapes
{
    /// <summary>About 500 m: below a pixel on a whole-country map, and it shrinks the SVG by half.</summary>
    public const double SimplifyDegrees = 0.005;

    private static readonly ConcurrentDictionary<string, Lazy<CountryShapes>> Cache = new(StringComparer.Ordinal);

    private CountryShapes(string country, IReadOnlyList<(District District, Geometry Shape)> districts,
        IReadOnlyDictionary<string, Geometry> provinces, Envelope extent)
    {
        Country = country;
        Districts = districts;
        Provinces = provinces;
        Extent = extent;
    }

    public string Country { get; }

    /// <summary>Largest first, so that a district drawn inside another's hole is drawn after it.</summary>
    public IReadOnlyList<(District District, Geometry Shape)> Districts { get; }

    /// <summary>Outline of each province, by province code.</summary>
    public IReadOnlyDictionary<string, Geometry> Provinces { get; }

    public Envelope Extent { get; }

    public static CountryShapes For(string countryIso3) =>
        Cache.GetOrAdd(countryIso3, c => new Lazy<CountryShapes>(() => Build(c))).Value;

    /// <summary>Several countries' shapes as one map (each country's built once, as for one country alone).</summary>
    public static CountryShapes For(IReadOnlyList<string> countriesIso3)
    {
        if (countriesIso3.Count == 1)
            return For(countriesIso3[0]);
        var parts = countriesIso3.Select(For).ToList();
        var extent = new Envelope();
        foreach (var part in parts)
            extent.ExpandToInclude(part.Extent);
        return new CountryShapes(string.Join("+", countriesIso3),
            [.. parts.SelectMany(p => p.Districts).OrderByDescending(s => s.Shape.Area)],
            parts.SelectMany(p => p.Provinces).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            extent);
    }

    private static CountryShapes Build(string country)
    {
        var districts = Gazetteer.Bundled.DistrictShapes
            .Where(s => s.District.Country == country)
            .Select(s => (s.District, Shape: TopologyPreservingSimplifier.Simplify(s.Shape, SimplifyDegrees)))
            .OrderByDescending(s => s.Shape.Area)
            .ToList();
        if (districts.Count == 0)
            throw new InvalidOperationException($"The bundled boundaries have no district of {country}");
        var provinces = districts
            .GroupBy(s => s.District.ProvinceCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => CascadedPolygonUnion.Union(g.Select(s => s.Shape).ToList()), StringComparer.Ordinal);
        var extent = new Envelope();
        foreach (var (_, shape) in districts)
            extent.ExpandToInclude(shape.EnvelopeInternal);
        return new CountryShapes(country, districts, provinces, extent);
    }
}
