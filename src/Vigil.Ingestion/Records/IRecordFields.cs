using Vigil.Domain.Errors;

namespace Vigil.Ingestion.Records;

/// <summary>
/// One record's fields as a dataset's parser reads them, whether the record is a CSV row or a JSON object.
/// A field is named by the index <see cref="IFieldBinder"/> gave it. Values are trimmed, and an empty value
/// is null, as is a field the record does not have (index -1). Every error names the place of the field:
/// file, line, column and field for a CSV row; file, <c>data[17].fatalities</c> and the value's line and
/// column for a JSON object.
/// </summary>
public interface IRecordFields
{
    /// <summary>The trimmed text of a field, or null when it is empty or absent.</summary>
    string? Text(int field);

    /// <summary>A whole number zero or more, or null when empty.</summary>
    int? Count(int field);

    double? Latitude(int field);

    double? Longitude(int field);

    /// <summary>An error at this record's <paramref name="field"/> (or the record as a whole when it is -1).</summary>
    InputException Error(int field, string problem);
}

/// <summary>Resolves the field names a parser reads to the indexes it passes to <see cref="IRecordFields"/>.</summary>
public interface IFieldBinder
{
    /// <summary>The index of a field the parser reads when it is there, or -1 when the source has no such field.</summary>
    int IndexOf(string name);

    /// <summary>The index of a field the parser cannot do without; a source without it is refused, naming it.</summary>
    int Required(string name);
}
