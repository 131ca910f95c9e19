using System.Text.Json;
using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Export;

/// <summary>
/// Writes incidents as Vigil's own JSON, one object per incident with <see cref="IncidentFields"/> keys, typed as
/// <see cref="ExportColumns"/> says: ids, counts and coordinates as numbers, <c>suicide</c> and
/// <c>perpetrators_included</c> as booleans, dates and timestamps as ISO 8601 text, <c>sources</c> as an array;
/// unknown values omitted. As an array (one object per line) or as JSON Lines.
/// </summary>
public static class VigilJsonWriter
{
    public static long Write(Stream output, IEnumerable<Incident> incidents, bool lines)
    {
        long count = 0;
        var newline = "\n"u8.ToArray();
        if (!lines)
            output.Write("["u8);
        foreach (var incident in incidents)
        {
            if (!lines)
                output.Write(count == 0 ? newline : ",\n"u8.ToArray());
            using (var json = new Utf8JsonWriter(output))
                WriteOne(json, incident);
            if (lines)
                output.Write(newline);
            count++;
        }
        if (!lines)
            output.Write(count == 0 ? "]\n"u8 : "\n]\n"u8);
        output.Flush();
        return count;
    }

    /// <summary>
    /// One incident as a JSON object. Unknown values are left out, or written as <c>null</c> when
    /// <paramref name="nulls"/> is set (GeoJSON properties, where every feature should carry every key).
    /// </summary>
    public static void WriteOne(Utf8JsonWriter json, Incident incident, bool nulls = false)
    {
        json.WriteStartObject();
        foreach (var field in IncidentFields.All)
        {
            var value = field.Get(incident);
            if (value is null)
            {
                if (nulls)
                    json.WriteNull(field.Name);
                continue;
            }
            switch (ExportColumns.KindOf(field.Name))
            {
                case ColumnKind.Integer or ColumnKind.Identifier or ColumnKind.Real or ColumnKind.Json:
                    // Invariant number text and the sources' JSON array are JSON already.
                    json.WritePropertyName(field.Name);
                    json.WriteRawValue(value);
                    break;
                case ColumnKind.Boolean:
                    json.WriteBoolean(field.Name, ExportColumns.Boolean(value));
                    break;
                default:
                    json.WriteString(field.Name, value);
                    break;
            }
        }
        json.WriteEndObject();
    }
}
