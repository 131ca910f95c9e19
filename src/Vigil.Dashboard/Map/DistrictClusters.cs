using Vigil.Geo;
using Vigil.Reports.Maps;
using Vigil.Reports.Model;
using Vigil.Storage;

namespace Vigil.Dashboard.Map;

/// <summary>
/// Incidents clustered on the server by district: one grouped count per district from the store (a single
/// GROUP BY, however many incidents match), drawn as one circle at a point inside the district's polygon.
/// The browser never receives individual incidents, so the map costs the same for 100 or 100,000 of them.
/// </summary>
internal static class DistrictClusters
{
    // A point guaranteed inside each polygon (a centroid can fall outside a crescent-shaped district).
    private static readonly Lazy<Dictionary<string, (double Lon, double Lat)>> Anchors = new(() =>
        Gazetteer.Bundled.DistrictShapes
            .Where(s => s.District.BoundaryId is not null)
            .GroupBy(s => s.District.BoundaryId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var point = g.First().Shape.InteriorPoint;
                return (point.X, point.Y);
            }, StringComparer.Ordinal));

    /// <summary>
    /// Killed and incidents per district of the matching incidents (the choropleth's values), most incidents first.
    /// A name that districts of several provinces share (Arghandab in Kandahar and in Zabul) is counted per province,
    /// so that each lands on its own polygon.
    /// </summary>
    public static IReadOnlyList<DistrictValue> Districts(IIncidentStore store, IncidentQuery query, string? countryIso3) =>
        [.. store.Aggregate(query, GroupBy.District)
            .Where(r => r.Key is not null)
            .SelectMany(r => Values(store, query, countryIso3, r))
            .OrderByDescending(d => d.Incidents).ThenBy(d => d.District, StringComparer.Ordinal)];

    private static IEnumerable<DistrictValue> Values(IIncidentStore store, IncidentQuery query, string? countryIso3, AggregateRow row)
    {
        var gazetteer = Gazetteer.Bundled;
        var name = row.Key!;
        var district = gazetteer.FindDistrict(name, countryIso3);
        if (district is not null || countryIso3 is null)
        {
            yield return new DistrictValue(district?.Country ?? countryIso3 ?? "", name, district?.BoundaryId, row.KilledBest, row.Incidents);
            yield break;
        }
        foreach (var p in store.Aggregate(query with { Districts = [name] }, GroupBy.Province))
        {
            var code = gazetteer.FindProvince(p.Key, countryIso3)?.Code;
            var inProvince = code is null ? null : gazetteer.FindDistrict(name, countryIso3, code);
            yield return new DistrictValue(countryIso3, name, inProvince?.BoundaryId, p.KilledBest, p.Incidents);
        }
    }

    private static readonly Lazy<Dictionary<string, District>> ByBoundary = new(() =>
        Gazetteer.Bundled.DistrictShapes.Where(s => s.District.BoundaryId is not null)
            .GroupBy(s => s.District.BoundaryId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().District, StringComparer.Ordinal));

    /// <summary>The district whose polygon has this boundary id (the one a circle is drawn on), or null.</summary>
    public static District? Polygon(string? boundaryId) =>
        boundaryId is not null && ByBoundary.Value.TryGetValue(boundaryId, out var district) ? district : null;

    /// <summary>A circle per district that has a polygon; districts without one cannot be placed and are left out.</summary>
    public static IReadOnlyList<MapPoint> Points(IEnumerable<DistrictValue> districts) =>
        [.. districts
            .Where(d => d.Incidents > 0 && d.BoundaryId is not null && Anchors.Value.ContainsKey(d.BoundaryId))
            .GroupBy(d => d.BoundaryId!, StringComparer.Ordinal)
            .Select(g =>
            {
                var (lon, lat) = Anchors.Value[g.Key];
                return new MapPoint(lon, lat, g.Sum(d => d.Incidents), g.First().District);
            })];
}
