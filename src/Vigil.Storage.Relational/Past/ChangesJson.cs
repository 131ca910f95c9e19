using System.Text;
using System.Text.Json;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// Reads a revision's changes (the JSON <see cref="RevisionJson"/> writes: an array of objects with <c>field</c>,
/// <c>before</c> and <c>after</c>) for what a rebuild needs, each field with its text before, in one forward pass
/// over the text — without building the records the serializer would.
/// </summary>
internal static class ChangesJson
{
    /// <exception cref="JsonException">The text is not such an array.</exception>
    public static List<(string Field, string? Before)> Before(string json)
    {
        var list = new List<(string, string?)>(4);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Expect(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? field = null, before = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                if (name == "field")
                    field = value;
                else if (name == "before")
                    before = value;
            }
            list.Add((field ?? throw new JsonException("a change without its field"), before));
        }
        return list;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
            throw new JsonException($"expected {type}");
    }
}
