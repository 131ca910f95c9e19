using Vigil.Ingestion.Records;

namespace Vigil.Ingestion.Json;

/// <summary>
/// The keys a format's parser reads from each JSON object, numbered in the order it asks for them. A key is
/// found by its exact name, else case-insensitively (as CSV columns are).
/// </summary>
public sealed class JsonFieldSet : IFieldBinder
{
    private readonly List<string> _names = [];
    private readonly List<bool> _required = [];
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _folded = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _names.Count;

    public string Name(int field) => _names[field];

    public bool IsRequired(int field) => _required[field];

    public int IndexOf(string name) => Add(name, required: false);

    public int Required(string name) => Add(name, required: true);

    /// <summary>The field a key fills, or -1 when the parser does not read it.</summary>
    public int Find(string key) =>
        _exact.TryGetValue(key, out var field) || _folded.TryGetValue(key, out field) ? field : -1;

    private int Add(string name, bool required)
    {
        if (_exact.TryGetValue(name, out var field))
        {
            _required[field] |= required;
            return field;
        }
        field = _names.Count;
        _names.Add(name);
        _required.Add(required);
        _exact[name] = field;
        _folded.TryAdd(name, field);
        return field;
    }
}
