using System.Globalization;
using System.Text.Json;

namespace Vigil.Server.Tests.OpenApi;

/// <summary>
/// Checks a JSON answer against the schema the OpenAPI document gives for it: every required member present, every value
/// of a type the schema allows (null only where it says null), and — stricter than JSON Schema — no member the schema
/// does not describe, so that an answer cannot grow a member the document leaves out.
/// </summary>
public sealed class SchemaCheck(JsonElement document)
{
    public List<string> Problems { get; } = [];

    /// <summary>The schema of an operation's answer: path as the document names it, method, status, content type.</summary>
    public JsonElement ResponseSchema(string path, string method, int status, string contentType = "application/json")
    {
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());
        var response = operation.GetProperty("responses").GetProperty(status.ToString(CultureInfo.InvariantCulture));
        return response.GetProperty("content").GetProperty(contentType).GetProperty("schema");
    }

    public void Check(JsonElement schema, JsonElement value, string at)
    {
        schema = Resolve(schema);
        if (schema.ValueKind == JsonValueKind.True)
            return;
        foreach (var combinator in (string[])["oneOf", "anyOf"])
        {
            if (!schema.TryGetProperty(combinator, out var branches))
                continue;
            var failures = new List<string>();
            foreach (var branch in branches.EnumerateArray())
            {
                var inner = new SchemaCheck(document);
                inner.Check(branch, value, at);
                if (inner.Problems.Count == 0)
                    return;
                failures.AddRange(inner.Problems);
            }
            Problems.Add($"{at}: matches none of the {combinator} branches ({string.Join("; ", failures)})");
            return;
        }
        if (schema.TryGetProperty("type", out var type) && !TypeAllows(type, value))
        {
            Problems.Add($"{at}: {value.ValueKind} {Short(value)} is not of type {type.GetRawText()}");
            return;
        }
        if (schema.TryGetProperty("enum", out var values) && value.ValueKind == JsonValueKind.String
            && !values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == value.GetString()))
            Problems.Add($"{at}: '{value.GetString()}' is not one of {values.GetRawText()}");
        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("format", out var format))
            Format(format.GetString(), value.GetString()!, at);
        if (value.ValueKind == JsonValueKind.Object)
            Object(schema, value, at);
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
                Check(items, item, $"{at}[{i++}]");
        }
    }

    private void Object(JsonElement schema, JsonElement value, string at)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
                if (!value.TryGetProperty(name, out _))
                    Problems.Add($"{at}: required member '{name}' is missing");
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var member in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var property))
                Check(property, member.Value, $"{at}.{member.Name}");
            else if (additional.ValueKind == JsonValueKind.Object)
                Check(additional, member.Value, $"{at}.{member.Name}");
            else if (properties.ValueKind == JsonValueKind.Object && additional.ValueKind != JsonValueKind.True)
                Problems.Add($"{at}: member '{member.Name}' is not in the schema");
        }
    }

    private static bool TypeAllows(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => Allows(t.GetString()!, value))
        : Allows(type.GetString()!, value);

    private static bool Allows(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => false,
    };

    private void Format(string? format, string text, string at)
    {
        var ok = format switch
        {
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!ok)
            Problems.Add($"{at}: '{text}' is not a {format}");
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            const string prefix = "#/components/schemas/";
            Assert.StartsWith(prefix, name, StringComparison.Ordinal);
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name[prefix.Length..]);
        }
        return schema;
    }

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 60 ? text[..60] + "..." : text;
    }
}
