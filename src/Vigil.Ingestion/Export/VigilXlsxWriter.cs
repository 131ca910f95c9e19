using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Formats.Vigil;

namespace Vigil.Ingestion.Export;

/// <summary>
/// Incidents as an Excel workbook, one sheet <c>incidents</c> with Vigil's columns typed as <see cref="ExportColumns"/>
/// says: dates as date cells (yyyy-mm-dd), timestamps as date-time cells in UTC, ids, counts and coordinates as
/// numbers, yes/no fields as booleans, the rest as text; an unknown value is an empty cell, never 0. The header row
/// is frozen and filters every column. Text that a spreadsheet would take for a formula is marked as text (a quote
/// prefix, its value unchanged). Rows are streamed into the file.
/// </summary>
public static class VigilXlsxWriter
{
    /// <summary>Incidents one sheet can hold under its header.</summary>
    public const int MaxIncidents = XlsxSheetWriter.MaxRows - 1;

    /// <exception cref="FieldException">(<c>format</c>) More than <see cref="MaxIncidents"/> incidents.</exception>
    public static long Write(Stream output, IEnumerable<Incident> incidents) => Write(output, incidents, MaxIncidents);

    internal static long Write(Stream output, IEnumerable<Incident> incidents, int limit)
    {
        var fields = IncidentFields.All;
        var kinds = fields.Select(f => ExportColumns.KindOf(f.Name)).ToArray();
        var columns = fields.Select((f, c) => new XlsxColumn(f.Name, Width(f.Name, kinds[c]))).ToArray();
        using var sheet = new XlsxSheetWriter(output, "incidents", columns);
        long count = 0;
        foreach (var incident in incidents)
        {
            if (count == limit)
                throw new FieldException("format", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"an XLSX sheet holds at most {limit:N0} incidents; narrow the filters, or export csv or parquet"));
            sheet.StartRow();
            for (var c = 0; c < fields.Length; c++)
            {
                var text = fields[c].Get(incident);
                switch (kinds[c])
                {
                    case ColumnKind.Identifier:
                        sheet.Number(text is null ? null : ExportColumns.Identifier(text));
                        break;
                    case ColumnKind.Integer:
                        sheet.Number(text is null ? null : ExportColumns.Integer(text));
                        break;
                    case ColumnKind.Real:
                        sheet.Number(text is null ? null : ExportColumns.Real(text));
                        break;
                    case ColumnKind.Date:
                        sheet.Date(text is null ? null : ExportColumns.Date(text));
                        break;
                    case ColumnKind.Timestamp:
                        sheet.DateAndTime(text is null ? null : ExportColumns.Timestamp(text));
                        break;
                    case ColumnKind.Boolean:
                        sheet.Boolean(text is null ? null : ExportColumns.Boolean(text));
                        break;
                    default:
                        sheet.Text(text, asText: text is not null && FormulaGuard.IsRisky(text));
                        break;
                }
            }
            count++;
        }
        sheet.Finish();
        return count;
    }

    /// <summary>A column's width in characters: room for its header and the filter button, and for what it usually holds.</summary>
    private static double Width(string name, ColumnKind kind)
    {
        var usual = kind switch
        {
            ColumnKind.Date => 11,
            ColumnKind.Timestamp => 19,
            ColumnKind.Identifier => 9,
            ColumnKind.Real => 10,
            ColumnKind.Integer or ColumnKind.Boolean => 6,
            _ => name switch
            {
                "notes" or "sources" => 48,
                "location" or "killed_phrase" or "injured_phrase" => 28,
                _ => 14,
            },
        };
        return Math.Max(usual, name.Length + 4);
    }
}
