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
        try
        {
            if (!reader.Read())
                return null;
            if (reader.TokenType == JsonTokenType.StartArray)
                return new JsonShape(false, KeysOfFirst(ref reader));
            if (reader.TokenType != JsonTokenType.StartObject)
                return null;
            var envelope = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var name = reader.GetString();
                if (!reader.Read())
                    break;
                if (name is "success" or "status")
                    envelope = true;
                if (name == "data" && reader.TokenType == JsonTokenType.StartArray)
                    return new JsonShape(true, KeysOfFirst(ref reader));
                if (!reader.TrySkip())
                    break;
            }
            return new JsonShape(envelope, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The keys of the array's first element, when it is an object (as far as the head holds it).</summary>
    private static List<string>? KeysOfFirst(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        var depth = reader.CurrentDepth;
        var keys = new List<string>();
        while (reader.Read() && reader.CurrentDepth > depth && reader.TokenType == JsonTokenType.PropertyName)
        {
            keys.Add(reader.GetString()!);
            if (!reader.Read() || !reader.TrySkip())
                break;
        }
        return keys;
    }
}
