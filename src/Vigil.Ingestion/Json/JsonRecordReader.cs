using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Domain.Errors;
using Vigil.Ingestion.Csv;
using Vigil.Ingestion.Formats;

namespace Vigil.Ingestion.Json;

/// <summary>
/// Streams a JSON array of flat record objects: bare (<c>[{...}, ...]</c>) or in an API's envelope
/// (<c>{"status": 200, "success": true, "count": N, "data": [{...}, ...]}</c>, ACLED's). The file is read
/// through a buffer that holds one object at a time, so memory stays small whatever the file's size. Each
/// object is checked (a value of a read key is a string, a number or null; required keys are there) and handed
/// over as a <see cref="JsonRecord"/>. An envelope that says the request failed is an error that repeats what
/// the API said; so is one with an empty <c>data</c> array.
/// </summary>
internal sealed class JsonRecordReader
{
    /// <summary>The largest object accepted, bytes: far beyond any real event (ACLED's are a few KB).</summary>
    public const int MaxRecordBytes = 16 << 20;

    private const int MaxBuffer = MaxRecordBytes + (1 << 16);

    private readonly string _path;
    private readonly string _file;
    private readonly JsonFieldSet _fields;
    private readonly string _apiName;
    private byte[] _buffer = new byte[1 << 16];
    private int _filled;
    private long _base;
    private bool _eof;
    private ProgressStream? _stream;
    private LinePosition _position = LinePosition.Start;
    private JsonReaderState _beforeState;
    private int _beforeConsumed;

    // The envelope, as far as it was read.
    private bool? _success;
    private string? _status;
    private readonly List<string> _said = [];

    public JsonRecordReader(string path, string displayName, JsonFieldSet fields, string apiName)
    {
        _path = path;
        _file = displayName;
        _fields = fields;
        _apiName = apiName;
    }

    public delegate void RecordHandler(JsonRecord record);

    public string Sha256 => _stream?.Sha256() ?? "";

    public long BytesRead => _stream?.Position ?? 0;

    public long Records { get; private set; }

    /// <summary>
    /// Calls <paramref name="handle"/> for every object; an object that fails the checks or the handler goes to
    /// <paramref name="reject"/> with its text (which rethrows unless bad records are skipped). A file that is
    /// not JSON, or not such an array, is an <see cref="InputException"/> at its line and column.
    /// </summary>
    public void ForEach(RecordHandler handle, Action<string, InputException> reject)
    {
        InputFiles.Check(_path, _file);
        using var stream = new ProgressStream(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        _stream = stream;
        Fill();
        if (_filled >= 3 && _buffer.AsSpan(0, 3).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _position = _position with { Offset = 3 };
            Refill(3);
        }
        var reader = NewReader(default);
        try
        {
            Read(reader, handle, reject);
        }
        catch (JsonException e)
        {
            throw new InputException(new InputLocation(_file, (e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1),
                "invalid JSON: " + FirstSentence(e.Message));
        }
        stream.Dispose();
    }

    private void Read(Utf8JsonReader reader, RecordHandler handle, Action<string, InputException> reject)
    {
        if (!Next(ref reader))
            throw new InputException(new InputLocation(_file), "the file is empty");
        var sawData = false;
        var arrayName = "";
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            ReadArray(ref reader, "", handle, reject);
        }
        else if (reader.TokenType == JsonTokenType.StartObject)
        {
            arrayName = "data";
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = EnvelopeText(ref reader);
                Next(ref reader);
                switch (name)
                {
                    case "data" when reader.TokenType == JsonTokenType.StartArray:
                        sawData = true;
                        ReadArray(ref reader, "data", handle, reject);
                        break;
                    case "data":
                        throw At(reader.TokenStartIndex, "data", $"expected an array of records, found {Describe(reader.TokenType)}");
                    case "success" when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                        _success = reader.TokenType == JsonTokenType.True;
                        break;
                    case "status" when reader.TokenType is JsonTokenType.Number or JsonTokenType.String:
                        _status = reader.TokenType == JsonTokenType.String ? EnvelopeText(ref reader) : Encoding.UTF8.GetString(reader.ValueSpan);
                        break;
                    case "error" or "message" or "messages":
                        Said(ref reader);
                        break;
                    default:
                        Skip(ref reader);
                        break;
                }
            }
        }
        else
        {
            throw At(reader.TokenStartIndex, null,
                $"expected an array of records or an API response (an object with a \"data\" array), found {Describe(reader.TokenType)}");
        }
        // The whole file must be one JSON value; reading to the end makes the reader check that.
        while (Next(ref reader))
        {
        }

        var failed = _success == false || (_status is not null && !(int.TryParse(_status, CultureInfo.InvariantCulture, out var code) && code is >= 200 and < 300));
        if (failed)
        {
            var status = _status is null ? "" : $" (status {_status})";
            var said = _said.Count == 0 ? "it gave no message" : string.Join("; ", _said);
            throw new InputException(new InputLocation(_file), $"the {_apiName} API answered with an error{status}: {said}");
        }
        if (arrayName == "data" && !sawData)
            throw new InputException(new InputLocation(_file), $"no \"data\" array: this is not a response of the {_apiName} API with records in it");
        if (Records == 0)
        {
            throw new InputException(new InputLocation(_file), arrayName == "data"
                ? $"the \"data\" array is empty: the {_apiName} API returned no records (check the query's filters)"
                : "the array is empty: no records");
        }
    }

    private void ReadArray(ref Utf8JsonReader reader, string arrayName, RecordHandler handle, Action<string, InputException> reject)
    {
        var record = new JsonRecord(_file, arrayName, _fields);
        long index = 0;
        while (Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            var (start, end) = WholeValue(ref reader);
            Records++;
            try
            {
                Parse(record, index, start, end);
                handle(record);
            }
            catch (InputException e)
            {
                reject(Encoding.UTF8.GetString(_buffer, start, end - start), e);
            }
            index++;
        }
    }

    /// <summary>Fills <paramref name="record"/> from the object in the buffer between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private void Parse(JsonRecord record, long index, int start, int end)
    {
        record.Begin(index, PositionOf(start));
        var reader = new Utf8JsonReader(_buffer.AsSpan(start, end - start), isFinalBlock: true, default);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
            throw record.RecordError($"expected a record object, found {Describe(reader.TokenType)}");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = _fields.Find(Text(ref reader, record, -1, PositionOf(start + (int)reader.TokenStartIndex)));
            reader.Read();
            if (field < 0)
            {
                reader.Skip();
                continue;
            }
            var at = PositionOf(start + (int)reader.TokenStartIndex);
            string? value = reader.TokenType switch
            {
                JsonTokenType.String => Text(ref reader, record, field, at),
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.Null => null,
                var other => throw record.Error(field, $"expected a string or a number, found {Describe(other)}", at),
            };
            record.Set(field, value, at);
        }
        var missing = Enumerable.Range(0, _fields.Count).Where(f => _fields.IsRequired(f) && !record.IsPresent(f)).ToList();
        if (missing.Count == 1)
            throw record.Error(missing[0], "required field is missing from the object");
        if (missing.Count > 1)
            throw record.RecordError($"{missing.Count} required fields are missing from the object: {string.Join(", ", missing.Select(_fields.Name))}");
    }

    /// <summary>A string token's text; bytes that are not UTF-8 are an error at the field.</summary>
    private static string Text(ref Utf8JsonReader reader, JsonRecord record, int field, (long Line, int Column) at)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw record.Error(field, "contains bytes that are not valid UTF-8: save the file as UTF-8", at);
        }
    }

    /// <summary>A string of the envelope (a key, the status, a message); bytes that are not UTF-8 are an error where they are.</summary>
    private string EnvelopeText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw At(reader.TokenStartIndex, null, "contains bytes that are not valid UTF-8: save the file as UTF-8");
        }
    }

    /// <summary>What the API said in an <c>error</c> or <c>messages</c> value: its strings, at most a few.</summary>
    private void Said(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            _said.Add(EnvelopeText(ref reader));
            return;
        }
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return;
        var (start, end) = WholeValue(ref reader);
        var inner = new Utf8JsonReader(_buffer.AsSpan(start, end - start), isFinalBlock: true, default);
        while (inner.Read() && _said.Count < 10)
        {
            if (inner.TokenType == JsonTokenType.String)
                _said.Add(EnvelopeText(ref inner));
        }
    }

    /// <summary>Skips the value whose first token was just read, a token at a time (it may be larger than the buffer).</summary>
    private void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return;
        var depth = reader.CurrentDepth;
        while (Next(ref reader) && reader.CurrentDepth > depth)
        {
        }
    }

    /// <summary>
    /// Makes sure the whole value whose first token was just read is in the buffer, reading more (and growing the
    /// buffer) as needed, and returns where it is; the reader is left on its last token.
    /// </summary>
    private (int Start, int End) WholeValue(ref Utf8JsonReader reader)
    {
        while (true)
        {
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                return (start, (int)reader.BytesConsumed);
            if (reader.TrySkip())
                return (start, (int)reader.BytesConsumed);
            if (_eof)
            {
                reader.Skip(); // throws the JsonException that says where the value is broken
                throw new InvalidOperationException("an incomplete value was skipped");
            }
            if (_filled - _beforeConsumed >= MaxRecordBytes)
                throw At(start, null, $"an object is larger than {MaxRecordBytes:N0} bytes: too large to be a record; is an array or a string left open?");
            // Back to just before the value's first token, with more of the file behind it.
            var before = _beforeState;
            Refill(_beforeConsumed, grow: true);
            reader = NewReader(before);
            Next(ref reader);
        }
    }

    /// <summary>Reads the next token, refilling the buffer when it runs out; false at the end of the file.</summary>
    private bool Next(ref Utf8JsonReader reader)
    {
        while (true)
        {
            _beforeState = reader.CurrentState;
            _beforeConsumed = (int)reader.BytesConsumed;
            if (reader.Read())
                return true;
            if (_eof)
                return false;
            var state = reader.CurrentState;
            Refill((int)reader.BytesConsumed, grow: reader.BytesConsumed == 0);
            reader = NewReader(state);
        }
    }

    private Utf8JsonReader NewReader(JsonReaderState state) => new(_buffer.AsSpan(0, _filled), _eof, state);

    /// <summary>Drops the buffer's first <paramref name="keep"/> bytes (already read) and reads more of the file behind the rest.</summary>
    private void Refill(int keep, bool grow = false)
    {
        _position = _position.AdvancedTo(_base + keep, _buffer, _base);
        Buffer.BlockCopy(_buffer, keep, _buffer, 0, _filled - keep);
        _filled -= keep;
        _base += keep;
        if (_filled == _buffer.Length || (grow && _filled >= _buffer.Length / 2))
        {
            if (_buffer.Length >= MaxBuffer)
                throw new InputException(new InputLocation(_file, _position.Line, _position.Column),
                    $"a value here is larger than {MaxRecordBytes:N0} bytes: too large for a record; is an array or a string left open?");
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxBuffer));
        }
        Fill();
    }

    private void Fill()
    {
        while (!_eof && _filled < _buffer.Length)
        {
            var n = _stream!.Read(_buffer, _filled, _buffer.Length - _filled);
            if (n == 0)
                _eof = true;
            _filled += n;
            if (n > 0)
                break;
        }
    }

    /// <summary>The line and character column of a byte in the buffer (called for ever later bytes).</summary>
    private (long Line, int Column) PositionOf(long indexInBuffer)
    {
        _position = _position.AdvancedTo(_base + indexInBuffer, _buffer, _base);
        return (_position.Line, _position.Column);
    }

    private InputException At(long indexInBuffer, string? field, string problem)
    {
        var (line, column) = PositionOf(indexInBuffer);
        return new InputException(new InputLocation(_file, line, column, field), problem);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>A byte offset in the file with its 1-based line and character column, moved forward only.</summary>
    private readonly record struct LinePosition(long Offset, long Line, int Column)
    {
        public static readonly LinePosition Start = new(0, 1, 1);

        public LinePosition AdvancedTo(long offset, byte[] buffer, long bufferBase)
        {
            if (offset <= Offset)
                return this;
            var (line, column) = (Line, Column);
            for (var i = (int)(Offset - bufferBase); i < (int)(offset - bufferBase); i++)
            {
                var b = buffer[i];
                if (b == (byte)'\n')
                    (line, column) = (line + 1, 1);
                else if ((b & 0xC0) != 0x80)
                    column++;
            }
            return new LinePosition(offset, line, column);
        }
    }
}
