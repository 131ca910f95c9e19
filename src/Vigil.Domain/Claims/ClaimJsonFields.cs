using System.Text;
using System.Text.Json;
using Vigil.Domain.Errors;

namespace Vigil.Domain.Claims;

/// <summary>
/// Refuses a field the claims JSON does not define (a misspelt <c>"provnce"</c> would otherwise be dropped and the
/// claim checked nationally), naming it by its JSON path and its line and column in the text.
/// </summary>
internal static class ClaimJsonFields
{
    private sealed record Shape(string[] Fields, Dictionary<string, Shape> Children);

    private static readonly Shape Leaf = new([], []);

    private static readonly Shape ClaimShape = new(
        ["metric", "value", "qualifier", "period", "scope", "comparison", "baseline", "text", "evidence", "dataset", "sources"],
        new()
        {
            ["scope"] = new(["country", "province", "district", "actor", "event_types", "region", "categories", "victims"], []),
            ["comparison"] = new(["kind", "percent", "against", "since", "one_of", "top", "rank"], []),
            ["baseline"] = new(["period", "value", "qualifier"], []),
            ["evidence"] = new(["start", "end"], []),
        });

    /// <exception cref="InputException">The first unknown field, at its place.</exception>
    public static void Check(string json, string file)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
            return;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var i = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                Walk(ref reader, ClaimShape, $"$[{i++}]", bytes, file);
        }
        else
        {
            Walk(ref reader, ClaimShape, "$", bytes, file);
        }
    }

    private static void Walk(ref Utf8JsonReader reader, Shape shape, string path, byte[] bytes, string file)
    {
        if (reader.TokenType != JsonTokenType.StartObject || shape.Fields.Length == 0)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var at = reader.TokenStartIndex;
            if (!shape.Fields.Contains(name, StringComparer.Ordinal))
            {
                var (line, column) = Position(bytes, at);
                throw new InputException(new InputLocation(file, line, column, $"{path}.{name}"),
                    $"unknown field (expected one of: {string.Join(", ", shape.Fields)})");
            }
            reader.Read();
            Walk(ref reader, shape.Children.GetValueOrDefault(name) ?? Leaf, $"{path}.{name}", bytes, file);
        }
    }

    private static (long Line, int Column) Position(byte[] bytes, long offset)
    {
        long line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, Encoding.UTF8.GetCharCount(bytes, lineStart, (int)offset - lineStart) + 1);
    }
}
