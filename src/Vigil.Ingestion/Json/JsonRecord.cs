using Vigil.Domain.Errors;
using Vigil.Ingestion.Records;

namespace Vigil.Ingestion.Json;

/// <summary>
/// One object of a JSON array of records, as its format's parser sees it: the values of the keys it reads,
/// strings or numbers alike as text (trimmed, empty as null), and errors that name the file, the line and
/// column of the value, and the place in the document (<c>data[17].fatalities</c>). The reader fills one
/// instance per object in turn.
/// </summary>
public sealed class JsonRecord : IRecordFields
{
    private readonly string _file;
    private readonly string _array;
    private readonly JsonFieldSet _fields;
    private readonly string?[] _values;
    private readonly bool[] _present;
    private readonly (long Line, int Column)[] _at;
    private (long Line, int Column) _start;

    internal JsonRecord(string file, string array, JsonFieldSet fields)
    {
        _file = file;
        _array = array;
        _fields = fields;
        _values = new string?[fields.Count];
        _present = new bool[fields.Count];
        _at = new (long, int)[fields.Count];
    }

    /// <summary>The object's 0-based index in its array.</summary>
    public long Index { get; private set; }

    /// <summary>Where the object is: <c>data[17]</c>, or <c>[17]</c> in a bare array.</summary>
    public string Place => $"{_array}[{Index}]";

    /// <summary>The line the object starts on.</summary>
    public long Line => _start.Line;

    internal void Begin(long index, (long Line, int Column) start)
    {
        Index = index;
        _start = start;
        Array.Clear(_values);
        Array.Clear(_present);
    }

    internal bool IsPresent(int field) => _present[field];

    internal void Set(int field, string? value, (long Line, int Column) at)
    {
        if (_present[field])
            throw Error(field, "the key appears twice in the object", at);
        _present[field] = true;
        _at[field] = at;
        if (value is not null)
        {
            if (value.Contains('\0'))
                throw Error(field, "contains NUL characters", at);
            if (value.Contains('\uFFFD'))
                throw Error(field, "contains the replacement character U+FFFD: this text was damaged before it was written (a conversion that could not read a character); correct the value", at);
        }
        var trimmed = value?.Trim();
        _values[field] = string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    public string? Text(int field) => field < 0 ? null : _values[field];

    public int? Count(int field) => FieldText.Count(Text(field), out var value) is { } problem ? throw Error(field, problem) : value;

    public double? Latitude(int field) => FieldText.Latitude(Text(field), out var value) is { } problem ? throw Error(field, problem) : value;

    public double? Longitude(int field) => FieldText.Longitude(Text(field), out var value) is { } problem ? throw Error(field, problem) : value;

    public InputException Error(int field, string problem) =>
        field < 0 || !_present[field] ? Error(field, problem, _start) : Error(field, problem, _at[field]);

    /// <summary>An error about the object as a whole, at its opening brace.</summary>
    public InputException RecordError(string problem) => Error(-1, problem, _start);

    internal InputException Error(int field, string problem, (long Line, int Column) at) =>
        new(new InputLocation(_file, at.Line, at.Column, field < 0 ? Place : $"{Place}.{_fields.Name(field)}"), problem);
}
