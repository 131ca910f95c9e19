using System.Collections.Frozen;
using System.Text.Json;
using Vigil.Domain.Incidents;

namespace Vigil.Ingestion.Export;

/// <summary>
/// Writes incidents as Vigil's own JSON, one object per incident with <see cref="IncidentFields"/> keys:
/// counts and coordinates as numbers, <c>perpetrators_included</c> as a boolean, <c>sources</c> as an
/// array, nulls omitted. As an array (one object per line) or as JSON Lines.
/// </summary>
public static class VigilJsonWriter
{
    private static readonly FrozenSet<string> Numbers = FrozenSet.ToFrozenSet(
    [
        "id", "revision", "latitude", "longitude", "killed_low", "killed_best", "killed_high", "injured_low", "injured_best",
        "injured_high", "killed_security_forces", "killed_civilians", "killed_militants", "killed_unknown",
    ], StringComparer.Ordinal);

    /// <summary>Whether a field of <see cref="IncidentFields"/> holds a number.</summary>
    public static bool IsNumber(string field) => Numbers.Contains(field);

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

    public static void WriteOne(Utf8JsonWriter json, Incident incident)
    {
        json.WriteStartObject();
        foreach (var field in IncidentFields.All)
        {
            var value = field.Get(incident);
            if (value is null)
                continue;
            if (Numbers.Contains(field.Name))
            {
                json.WritePropertyName(field.Name);
                json.WriteRawValue(value);
            }
            else if (field.Name == "perpetrators_included")
            {
                json.WriteBoolean(field.Name, value == "true");
            }
            else if (field.Name == "sources")
            {
                json.WritePropertyName(field.Name);
                json.WriteRawValue(value);
            }
            else
            {
                json.WriteString(field.Name, value);
            }
        }
        json.WriteEndObject();
    }
}
