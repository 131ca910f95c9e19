using System.Globalization;
using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace Vigil.Ingestion.Tests.Support;

/// <summary>
/// A CSV file read independently of the product (which uses Sep): the .NET shared framework's
/// <see cref="TextFieldParser"/>, so expectations are not computed by the code under test.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRecord> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRecord> Rows { get; }

    /// <summary>Reads a whole file; <paramref name="skipRows"/> data rows after the header are dropped (UCDP's HXL tag row).</summary>
    public static CsvTable Read(string path, Encoding encoding, int skipRows = 0)
    {
        using var parser = new TextFieldParser(path, encoding)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? throw new InvalidDataException(path + " has no header");
        var columns = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var rows = new List<CsvRecord>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields();
            if (fields is null)
                continue;
            if (skipRows > 0)
            {
                skipRows--;
                continue;
            }
            rows.Add(new CsvRecord(fields, columns));
        }
        return new CsvTable(header, rows);
    }

    /// <summary>The UCDP GED file (HDX layout) without its HXL tag row.</summary>
    public static CsvTable Ucdp(string path) => Read(path, Encoding.UTF8, skipRows: 1);

    /// <summary>The Pakistan Body Count files are Latin-1.</summary>
    public static CsvTable Pbc(string path) => Read(path, Encoding.Latin1);

    public static CsvTable Utf8(string path) => Read(path, Encoding.UTF8);
}

internal sealed class CsvRecord(string[] fields, Dictionary<string, int> columns)
{
    public string this[string column] => fields[columns[column]];

    public IReadOnlyList<string> Fields => fields;

    /// <summary>The trimmed value as a whole number, or null when empty.</summary>
    public int? Int(string column) =>
        this[column].Trim() is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>The trimmed value, or null when empty.</summary>
    public string? Text(string column) => this[column].Trim() is { Length: > 0 } text ? text : null;
}
