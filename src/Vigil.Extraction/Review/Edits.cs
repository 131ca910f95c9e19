using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;

namespace Vigil.Extraction.Review;

/// <summary>An analyst's field edits for one accept, checked against the fields the kind allows (else a <see cref="FieldException"/>).</summary>
public sealed class Edits
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Edits(IEnumerable<KeyValuePair<string, string>> edits, IReadOnlyList<string> allowed)
    {
        foreach (var (field, value) in edits)
        {
            if (!allowed.Contains(field))
                throw new FieldException(field, allowed.Count == 0 ? "cannot be set; this kind of candidate has no editable fields" : $"cannot be set; one of: {string.Join(", ", allowed)}");
            if (string.IsNullOrWhiteSpace(value))
                throw new FieldException(field, "is empty");
            _values[field] = value.Trim();
        }
    }

    public string? Text(string field) => _values.GetValueOrDefault(field);

    /// <summary>The value of a YYYY-MM-DD field, or null when not set.</summary>
    public DateOnly? Day(string field) => FieldValues.Date(field, Text(field));

    /// <summary>A comma-separated field as a list (null when not set).</summary>
    public IReadOnlyList<string>? List(string field) =>
        Text(field) is { } value ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
}
