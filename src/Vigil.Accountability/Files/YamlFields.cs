using System.Globalization;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using YamlDotNet.RepresentationModel;

namespace Vigil.Accountability.Files;

/// <summary>
/// Reads the fields of one mapping in a JSON or YAML file, turning every problem into an
/// <see cref="InputException"/> that names the file, line, column and field path. Unknown fields are
/// refused, so that a misspelt field is an error rather than silently dropped.
/// </summary>
internal sealed class YamlFields
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly string _path;

    public YamlFields(YamlNode node, string file, string path, params string[] known)
    {
        _file = file;
        _path = path;
        _node = node as YamlMappingNode ?? throw Error(node, path, "expected an object of fields");
        foreach (var key in _node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name })
                throw Error(key, path, "field names must be text");
            if (!known.Contains(name, StringComparer.Ordinal))
                throw Error(key, Join(name), $"unknown field (expected one of: {string.Join(", ", known)})");
        }
    }

    public string Path(string field) => Join(field);

    public InputLocation Location(string field) =>
        Find(field) is { } n ? At(n, Join(field)) : At(_node, Join(field));

    public InputException Error(string field, string problem) =>
        new(Location(field), problem);

    public YamlNode? Find(string field) =>
        _node.Children.TryGetValue(new YamlScalarNode(field), out var value) && !IsNull(value) ? value : null;

    public string? Text(string field)
    {
        if (Find(field) is not { } node)
            return null;
        if (node is not YamlScalarNode s)
            throw Error(node, Join(field), "expected text");
        return s.Value;
    }

    public string Required(string field) =>
        Text(field) is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t : throw Error(field, "is required");

    public DateOnly? Day(string field) =>
        Text(field) is { } t
            ? DateOnly.TryParseExact(t.Trim(), "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d) ? d : throw Error(field, $"'{t}' is not a date (YYYY-MM-DD)")
            : null;

    public DateOnly RequiredDay(string field) => Day(field) ?? throw Error(field, "is required (YYYY-MM-DD)");

    public int? Int(string field) =>
        Text(field) is { } t
            ? int.TryParse(t.Trim(), NumberStyles.Integer, Inv, out var v) ? v : throw Error(field, $"'{t}' is not a whole number")
            : null;

    public double? Double(string field) =>
        Text(field) is { } t
            ? double.TryParse(t.Trim(), NumberStyles.Float, Inv, out var v) && double.IsFinite(v) ? v : throw Error(field, $"'{t}' is not a number")
            : null;

    public bool Bool(string field) =>
        Text(field) is not { } t ? false
        : t.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Error(field, $"'{t}' is not true or false"),
        };

    public T Enum<T>(string field, T fallback) where T : struct, Enum =>
        Text(field) is { } t
            ? EnumText<T>.TryParse(t, out var v) ? v : throw Error(field, $"'{t}' is not one of: {string.Join(", ", EnumText<T>.All)}")
            : fallback;

    public IReadOnlyList<string> Strings(string field) =>
        Items(field).Select((n, i) => n is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)
            ? v
            : throw Error(n, $"{Join(field)}[{i}]", "expected non-empty text")).ToList();

    public IReadOnlyList<YamlNode> Items(string field)
    {
        if (Find(field) is not { } node)
            return [];
        return node is YamlSequenceNode seq ? seq.Children.ToList() : throw Error(node, Join(field), "expected a list");
    }

    public InputException Error(YamlNode node, string field, string problem) => new(At(node, field), problem);

    private InputLocation At(YamlNode node, string field) =>
        new(_file, node.Start.Line, (int)node.Start.Column, field);

    private string Join(string field) => _path.Length == 0 ? field : _path + "." + field;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "null" or "~" };
}
