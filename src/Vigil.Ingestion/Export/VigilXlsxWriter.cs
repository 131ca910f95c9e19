using MiniExcelLibs;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Formats.Vigil;

namespace Vigil.Ingestion.Export;

/// <summary>
/// Incidents as an Excel workbook: one sheet, Vigil's columns, numbers as numbers, and text that a
/// spreadsheet would take for a formula made harmless with a leading apostrophe, as in the CSV.
/// Rows are streamed into the file.
/// </summary>
public static class VigilXlsxWriter
{
    public static long Write(Stream output, IEnumerable<Incident> incidents)
    {
        long count = 0;
        MiniExcel.SaveAs(output, Rows(incidents, () => count++), sheetName: "incidents", excelType: ExcelType.XLSX);
        return count;
    }

    private static IEnumerable<IDictionary<string, object?>> Rows(IEnumerable<Incident> incidents, Action counted)
    {
        var fields = IncidentFields.All;
        foreach (var incident in incidents)
        {
            counted();
            var row = new Dictionary<string, object?>(fields.Length, StringComparer.Ordinal);
            foreach (var field in fields)
            {
                var text = field.Get(incident);
                row[field.Name] = text is null ? null
                    : VigilJsonWriter.IsNumber(field.Name) ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
                    : VigilCsvFormat.NonText.Contains(field.Name) ? text
                    : FormulaGuard.Escape(text);
            }
            yield return row;
        }
    }
}
