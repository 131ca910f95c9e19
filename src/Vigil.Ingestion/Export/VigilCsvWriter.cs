using nietras.SeparatedValues;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Formats.Vigil;

namespace Vigil.Ingestion.Export;

/// <summary>
/// Writes incidents as Vigil's own CSV: UTF-8, a header of <see cref="IncidentFields"/> names, RFC 4180
/// quoting, and text that a spreadsheet would run as a formula made harmless (<see cref="FormulaGuard"/>).
/// </summary>
public static class VigilCsvWriter
{
    public static long Write(TextWriter output, IEnumerable<Incident> incidents)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        var fields = IncidentFields.All;
        var names = fields.Select(f => f.Name).ToArray();
        var guarded = names.Select(n => !VigilCsvFormat.NonText.Contains(n)).ToArray();
        long count = 0;
        foreach (var incident in incidents)
        {
            using var row = writer.NewRow();
            for (var i = 0; i < fields.Length; i++)
            {
                var value = fields[i].Get(incident);
                row[names[i]].Set(guarded[i] ? FormulaGuard.Escape(value) : value);
            }
            count++;
        }
        if (count == 0)
            output.Write(string.Join(",", names) + "\n");
        return count;
    }
}
