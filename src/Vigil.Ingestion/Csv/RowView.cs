using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Records;

namespace Vigil.Ingestion.Csv;

/// <summary>
/// One CSV row as a format's parser sees it: values by column index, trimmed, empty as null, and errors
/// that name the file, line, character column and field.
/// </summary>
public readonly ref struct RowView : IRecordFields
{
    private readonly SepReader.Row _row;
    private readonly CsvFile _file;

    internal RowView(SepReader.Row row, CsvFile file)
    {
        _row = row;
        _file = file;
    }

    public long Line => _row.LineNumberFrom;

    public int ColCount => _row.ColCount;

    /// <summary>The trimmed text of a column, or null when it is empty or the column is absent (-1).</summary>
    public string? Text(int col)
    {
        if (col < 0)
            return null;
        var span = _row[col].Span.Trim();
        return span.IsEmpty ? null : _file.Intern(col, span);
    }

    public ReadOnlySpan<char> Span(int col) => col < 0 ? default : _row[col].Span.Trim();

    public bool IsEmpty(int col) => col < 0 || _row[col].Span.Trim().IsEmpty;

    /// <summary>A whole number zero or more, or null when empty.</summary>
    public int? Count(int col) => FieldText.Count(Span(col), out var value) is { } problem ? throw Error(col, problem) : value;

    /// <summary>Like <see cref="Count"/>, but a negative value is "unknown" (UCDP writes -1 for it).</summary>
    public int? CountOrNegativeUnknown(int col)
    {
        var span = Span(col);
        if (span.IsEmpty)
            return null;
        return int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? (value < 0 ? null : value)
            : throw Error(col, CountText.Problem(span, FieldText.Clip(span)));
    }

    public double? Real(int col) => FieldText.Real(Span(col), out var value) is { } problem ? throw Error(col, problem) : value;

    public double? Latitude(int col) => FieldText.Latitude(Span(col), out var value) is { } problem ? throw Error(col, problem) : value;

    public double? Longitude(int col) => FieldText.Longitude(Span(col), out var value) is { } problem ? throw Error(col, problem) : value;

    /// <summary>An error at this row, at the start of <paramref name="col"/> (or the row when col is -1).</summary>
    public InputException Error(int col, string problem)
    {
        if (col < 0 || col >= _row.ColCount)
            return new InputException(new InputLocation(_file.DisplayName, Line), problem);
        var (line, column) = Position(col);
        return new InputException(new InputLocation(_file.DisplayName, line, column, _file.Header[col]), problem);
    }

    /// <summary>An error about the row as a whole.</summary>
    public InputException RowError(string problem) => new(new InputLocation(_file.DisplayName, Line, 1), problem);

    /// <summary>The line and 1-based character column where a field starts (fields may hold line breaks).</summary>
    private (long Line, int Column) Position(int col)
    {
        var row = _row.Span;
        var field = _row[col].Span;
        var offset = (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(row), ref MemoryMarshal.GetReference(field)) / sizeof(char));
        if (offset < 0 || offset > row.Length)
            return (Line, 1);
        var before = row[..offset];
        var breaks = before.Count('\n');
        var lineStart = before.LastIndexOf('\n') + 1;
        // A quoted field starts at its opening quote.
        var start = offset > 0 && row[offset - 1] == '"' ? offset - 1 : offset;
        return (Line + breaks, start - lineStart + 1);
    }
}
