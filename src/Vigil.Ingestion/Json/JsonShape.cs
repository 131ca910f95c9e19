using System.Text.Json;

namespace Vigil.Ingestion.Json;

/// <summary>
/// What a JSON file holds, from its first megabyte: whether it is an API envelope (an object with
/// <c>success</c>, <c>status</c> or a <c>data</c> array at its top) and the keys of its first record, for
/// telling one format from another without reading the file.
/// </summary>
internal sealed record JsonShape(bool Envelope, IReadOnlyList<string>? FirstKeys)
{
    private const int Head = 1 << 20;

    /// <summary>The shape, or null when the start is not JSON of either kind (JSON Lines is, by its first line).</summary>
    public static JsonShape? Of(string path)
    {
        var buffer = new byte[Head];
        int n;
        using (var stream = File.OpenRead(path))
            n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = buffer.AsSpan(0, n);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        var reader = new Utf8JsonReader(head, isFinalBlock: n < Head, new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true }));
        // What was learnt before any syntax error stands: the reader of the format then reports the error where it is.
        var envelope = false;
        var keys = default(List<string>);
        try
        {
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
                return null;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                KeysOfFirst(ref reader, keys = []);
                return new JsonShape(false, keys);
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var name = reader.GetString();
                if (!reader.Read())
                    break;
                if (name is "success" or "status")
                    envelope = true;
                if (name == "data" && reader.TokenType == JsonTokenType.StartArray)
                {
                    envelope = true;
                    KeysOfFirst(ref reader, keys = []);
                    break;
                }
                if (!reader.TrySkip())
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Fall through with what was read.
        }
        return new JsonShape(envelope, keys is { Count: > 0 } ? keys : null);
    }

    /// <summary>Collects the keys of the array's first element, when it is an object (as far as the head holds it).</summary>
    private static void KeysOfFirst(ref Utf8JsonReader reader, List<string> keys)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return;
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth && reader.TokenType == JsonTokenType.PropertyName)
        {
            keys.Add(reader.GetString()!);
            if (!reader.Read() || !reader.TrySkip())
                return;
        }
    }
}
