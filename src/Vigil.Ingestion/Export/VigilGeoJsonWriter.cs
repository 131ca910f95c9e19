using System.Text.Json;
using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Export;

/// <summary>
/// Incidents with coordinates as a GeoJSON FeatureCollection of points (RFC 7946: longitude first), every
/// Vigil field a property on every feature, typed as in Vigil's JSON (<see cref="VigilJsonWriter"/>): numbers as
/// numbers, yes/no as booleans, dates and timestamps as ISO 8601 text, and <c>null</c> where a value is unknown, so
/// that a GIS reads one schema. Incidents without coordinates are left out; the count written is returned.
/// </summary>
public static class VigilGeoJsonWriter
{
    public static long Write(Stream output, IEnumerable<Incident> incidents)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        long count = 0;
        foreach (var incident in incidents)
        {
            if (!incident.Place.HasCoordinates)
                continue;
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteNumber("id", incident.Id);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(incident.Place.Longitude!.Value);
            json.WriteNumberValue(incident.Place.Latitude!.Value);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WritePropertyName("properties");
            VigilJsonWriter.WriteOne(json, incident, nulls: true);
            json.WriteEndObject();
            count++;
            if (count % 1000 == 0)
                json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return count;
    }
}
