using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Vigil.Geo;
using Vigil.Reports.Maps;

namespace Vigil.Dashboard.Map;

/// <summary>
/// The map page's figures as GeoJSON for the interactive map (map.js over Leaflet): a feature per district the
/// picture draws, with its shape as drawn (simplified), its name, province and country, its killed and incidents
/// and its fill colour; beside the features, the colour classes, the circles, the title and the scope, so the
/// interactive map shows exactly what the picture shows. Coordinates are rounded to 4 decimals (about 10 m).
/// </summary>
internal static class MapGeoJson
{
    public static byte[] Write(MapModel model)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteString("title", model.Map?.Figure.Title);
            json.WriteString("scope", model.Scope?.Label);
            json.WriteNumber("incidents", model.Incidents);
            json.WriteNumber("killed", model.Killed);
            json.WriteStartArray("classes");
            foreach (var c in model.Map?.Classes ?? [])
            {
                json.WriteStartObject();
                json.WriteNumber("from", c.From);
                json.WriteNumber("to", c.To);
                json.WriteString("label", c.Label);
                json.WriteString("fill", c.HexColor);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("none_fill", MapClasses.NoneHexColor);
            json.WriteStartArray("points");
            foreach (var p in model.Points)
            {
                json.WriteStartObject();
                json.WriteNumber("lon", Math.Round(p.Longitude, 4));
                json.WriteNumber("lat", Math.Round(p.Latitude, 4));
                json.WriteNumber("incidents", p.Count);
                json.WriteString("district", p.Label);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            var incidentsByArea = model.Districts.Where(d => d.BoundaryId is not null)
                .GroupBy(d => d.BoundaryId!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(d => d.Incidents), StringComparer.Ordinal);
            json.WriteStartArray("features");
            foreach (var area in model.Map?.Areas ?? [])
            {
                var d = area.District;
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", d.BoundaryId);
                json.WriteStartObject("properties");
                json.WriteString("district", d.Name);
                json.WriteString("province", Gazetteer.Bundled.ProvinceByCode(d.ProvinceCode)?.Name);
                json.WriteString("country", Countries.NameByIso3.GetValueOrDefault(d.Country, d.Country));
                json.WriteBoolean("in_scope", area.InScope);
                if (area.InScope)
                {
                    json.WriteNumber("killed", area.Killed);
                    json.WriteNumber("incidents", d.BoundaryId is null ? 0 : incidentsByArea.GetValueOrDefault(d.BoundaryId));
                }
                json.WriteString("fill", area.HexColor);
                json.WriteEndObject();
                json.WritePropertyName("geometry");
                Geometry(json, area.Shape);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Geometry(Utf8JsonWriter json, Geometry shape)
    {
        var polygons = Enumerable.Range(0, shape.NumGeometries).Select(shape.GetGeometryN).OfType<Polygon>().Where(p => !p.IsEmpty).ToList();
        json.WriteStartObject();
        json.WriteString("type", "MultiPolygon");
        json.WriteStartArray("coordinates");
        foreach (var polygon in polygons)
        {
            json.WriteStartArray();
            Ring(json, polygon.ExteriorRing);
            foreach (var hole in polygon.InteriorRings)
                Ring(json, hole);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Ring(Utf8JsonWriter json, LineString ring)
    {
        json.WriteStartArray();
        foreach (var c in ring.Coordinates)
        {
            json.WriteStartArray();
            json.WriteRawValue(Math.Round(c.X, 4).ToString("0.####", CultureInfo.InvariantCulture));
            json.WriteRawValue(Math.Round(c.Y, 4).ToString("0.####", CultureInfo.InvariantCulture));
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
