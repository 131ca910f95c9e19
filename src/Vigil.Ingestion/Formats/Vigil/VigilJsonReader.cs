using System.Text;
using System.Text.Json;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion.Formats.Vigil;

/// <summary>
/// Reads Vigil's own JSON: either JSON Lines (one incident object per line) or one JSON array of
/// incident objects, streamed either way. Keys are the field names of <see cref="IncidentFields"/>; values
/// may be strings, numbers, booleans or null, and <c>sources</c> an array of objects.
/// </summary>
internal sealed class VigilJsonReader(string path, string displayName)
{
    public delegate void RecordHandler(Incident incident, long? line);

    public string Sha256 { get; private set; } = "";

    public ProgressStream? Stream { get; private set; }

    public void ForEach(RecordHandler handle, Action<string, InputException> reject)
    {
        using var stream = new ProgressStream(File.OpenRead(path));
        Stream = stream;
        var first = FirstSignificantByte(path);
        if (first == '[')
            ReadArray(stream, handle, reject);
        else
            ReadLines(stream, handle, reject);
        Sha256 = stream.Sha256();
    }

    private void ReadLines(Stream stream, RecordHandler handle, Action<string, InputException> reject)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        long line = 0;
        while (true)
        {
            string? text;
            try
            {
                text = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                throw new InputException(new InputLocation(displayName, line + 1), "contains bytes that are not valid UTF-8");
            }
            if (text is null)
                break;
            line++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            Incident incident;
            try
            {
                using var doc = JsonDocument.Parse(text);
                incident = Parse(doc.RootElement, new InputLocation(displayName, line));
            }
            catch (JsonException e)
            {
                reject(text, new InputException(new InputLocation(displayName, line, (int)(e.BytePositionInLine ?? 0) + 1), "invalid JSON: " + FirstSentence(e.Message)));
                continue;
            }
            catch (InputException e)
            {
                reject(text, e);
                continue;
            }
            handle(incident, line);
        }
    }

    private void ReadArray(Stream stream, RecordHandler handle, Action<string, InputException> reject)
    {
        var index = 0;
        IEnumerator<JsonElement> elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream).ToBlockingEnumerable().GetEnumerator();
        using (elements)
        {
            while (true)
            {
                try
                {
                    if (!elements.MoveNext())
                        break;
                }
                catch (JsonException e)
                {
                    // A broken array cannot be resynchronised: the rest of the file is unreadable.
                    throw new InputException(new InputLocation(displayName, (e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1),
                        "invalid JSON: " + FirstSentence(e.Message));
                }
                index++;
                var element = elements.Current;
                Incident incident;
                try
                {
                    incident = Parse(element, new InputLocation(displayName, null, null, $"record {index}"));
                }
                catch (InputException e)
                {
                    reject(element.GetRawText(), e);
                    continue;
                }
                handle(incident, null);
            }
        }
    }

    private static Incident Parse(JsonElement element, InputLocation at)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new InputException(at, $"expected an incident object, found {element.ValueKind}");
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => property.Value.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => property.Value.GetRawText(),
            };
        }
        try
        {
            var incident = IncidentFieldParser.Parse(n => values.GetValueOrDefault(n));
            if (incident.SourceRecord is null && incident.Id == 0)
                throw new FieldException("source_id", "a record needs dataset and source_id, or an id");
            return VigilCsvFormat.Keyed(incident);
        }
        catch (FieldException e)
        {
            var field = at.Field is null ? e.Field : $"{at.Field}: {e.Field}";
            throw new InputException(at with { Field = field }, e.Problem);
        }
    }

    private static int FirstSignificantByte(string path)
    {
        using var s = File.OpenRead(path);
        int b;
        while ((b = s.ReadByte()) >= 0)
        {
            if (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
                continue;
            return b;
        }
        return -1;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
