using System.Buffers;
using System.Globalization;
using System.Text;

namespace Vigil.Ingestion.Csv;

/// <summary>
/// Bytes that are not valid UTF-8, carried through decoding instead of being lost: each becomes the lone low
/// surrogate U+DC00 + byte (U+DC80..U+DCFF, as Python's "surrogateescape" does). Valid UTF-8 never decodes to
/// a lone surrogate, so a stray byte (0xE9, a Latin-1 "é") stays apart from a U+FFFD the file really holds,
/// and can be named in an error or written back as it was.
/// </summary>
internal static class EscapedBytes
{
    /// <summary>UTF-8 that escapes invalid bytes (and skips a byte-order mark, through its preamble).</summary>
    public static Encoding Utf8 { get; } = new EscapingUtf8();

    /// <summary>What <see cref="CsvFile"/> looks for in a row: NUL, U+FFFD and escaped bytes.</summary>
    public static SearchValues<char> Suspect { get; } = SearchValues.Create(
        [.. "\0\uFFFD", .. Enumerable.Range(0xDC80, 0x80).Select(c => (char)c)]);

    /// <summary>Whether the character at <paramref name="index"/> is an escaped byte (a lone low surrogate U+DC80..U+DCFF).</summary>
    public static bool IsEscaped(ReadOnlySpan<char> text, int index) =>
        text[index] is >= '\uDC80' and <= '\uDCFF' && (index == 0 || !char.IsHighSurrogate(text[index - 1]));

    public static bool ContainsEscaped(ReadOnlySpan<char> text) => IndexOfEscaped(text) >= 0;

    public static int IndexOfEscaped(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var i = text[offset..].IndexOfAnyInRange('\uDC80', '\uDCFF');
            if (i < 0)
                return -1;
            if (IsEscaped(text, offset + i))
                return offset + i;
            offset += i + 1;
        }
    }

    /// <summary>The escaped bytes of a text in hexadecimal, in order ("0xE9, 0xFF").</summary>
    public static string Bytes(ReadOnlySpan<char> text)
    {
        var bytes = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (IsEscaped(text, i))
                bytes.Add("0x" + (text[i] - 0xDC00).ToString("X2", CultureInfo.InvariantCulture));
        }
        return string.Join(", ", bytes);
    }

    /// <summary>
    /// The text around the first damaged character (an escaped byte or U+FFFD), as a person can read it:
    /// escaped bytes as <c>\xE9</c>, the rest as it is.
    /// </summary>
    public static string Excerpt(ReadOnlySpan<char> text, int around, int width = 24)
    {
        var from = Math.Max(0, around - width);
        var to = Math.Min(text.Length, around + width);
        if (from > 0 && char.IsLowSurrogate(text[from]) && !IsEscaped(text, from))
            from--;
        if (to < text.Length && char.IsLowSurrogate(text[to]))
            to++;
        var sb = new StringBuilder(to - from + 8);
        if (from > 0)
            sb.Append('…');
        for (var i = from; i < to; i++)
        {
            if (IsEscaped(text, i))
                sb.Append("\\x").Append((text[i] - 0xDC00).ToString("X2", CultureInfo.InvariantCulture));
            else
                sb.Append(text[i]);
        }
        if (to < text.Length)
            sb.Append('…');
        return sb.ToString();
    }

    /// <summary>The bytes a decoded text came from: UTF-8, with each escaped byte written back as itself.</summary>
    public static byte[] ToBytes(string text)
    {
        if (!ContainsEscaped(text))
            return Encoding.UTF8.GetBytes(text);
        var bytes = new List<byte>(text.Length + 16);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsEscaped(text, i))
                continue;
            bytes.AddRange(Encoding.UTF8.GetBytes(text, start, i - start));
            bytes.Add((byte)(text[i] - 0xDC00));
            start = i + 1;
        }
        bytes.AddRange(Encoding.UTF8.GetBytes(text, start, text.Length - start));
        return [.. bytes];
    }

    private static char Escape(byte b) => (char)(0xDC00 + b);

    /// <summary>
    /// UTF-8 whose decoder escapes invalid bytes. (A <see cref="DecoderFallback"/> cannot do it: .NET refuses
    /// lone surrogates from a fallback.) Encoding is plain UTF-8; only reading is ever asked of it.
    /// </summary>
    private sealed class EscapingUtf8 : Encoding
    {
        private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

        public override byte[] GetPreamble() => (byte[])Bom.Clone();

        public override ReadOnlySpan<byte> Preamble => Bom;

        public override Decoder GetDecoder() => new EscapingDecoder();

        public override int GetMaxCharCount(int byteCount) => byteCount + 4;

        public override int GetCharCount(byte[] bytes, int index, int count) =>
            new EscapingDecoder().GetCharCount(bytes, index, count, flush: true);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            new EscapingDecoder().GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: true);

        public override int GetMaxByteCount(int charCount) => UTF8.GetMaxByteCount(charCount);

        public override int GetByteCount(char[] chars, int index, int count) => UTF8.GetByteCount(chars, index, count);

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
            UTF8.GetBytes(chars, charIndex, charCount, bytes, byteIndex);
    }

    /// <summary>
    /// Decodes with <c>System.Text.Unicode.Utf8.ToUtf16</c>,
    /// escaping each byte of an invalid sequence; a sequence cut at the end of a buffer waits for the next one.
    /// </summary>
    private sealed class EscapingDecoder : Decoder
    {
        private readonly byte[] _pending = new byte[4];
        private int _pendingCount;

        public override void Reset() => _pendingCount = 0;

        public override int GetCharCount(byte[] bytes, int index, int count) => GetCharCount(bytes, index, count, flush: false);

        public override int GetCharCount(byte[] bytes, int index, int count, bool flush)
        {
            var chars = new char[count + 4];
            return Decode(bytes.AsSpan(index, count), chars, flush, commit: false);
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush) =>
            Decode(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex), flush, commit: true);

        private int Decode(ReadOnlySpan<byte> source, Span<char> chars, bool flush, bool commit)
        {
            var written = 0;
            if (_pendingCount > 0)
            {
                // Finish the sequence the last buffer cut: at most 4 bytes are needed for it.
                Span<byte> head = stackalloc byte[8];
                _pending.AsSpan(0, _pendingCount).CopyTo(head);
                var take = Math.Min(4, source.Length);
                source[..take].CopyTo(head[_pendingCount..]);
                var length = _pendingCount + take;
                var at = 0;
                while (at < _pendingCount)
                {
                    var status = Rune.DecodeFromUtf8(head[at..length], out var rune, out var used);
                    if (status == OperationStatus.Done)
                    {
                        written += rune.EncodeToUtf16(chars[written..]);
                    }
                    else if (status == OperationStatus.NeedMoreData && !flush && take == source.Length)
                    {
                        if (commit)
                        {
                            head[at..length].CopyTo(_pending);
                            _pendingCount = length - at;
                        }
                        return written;
                    }
                    else
                    {
                        used = Math.Max(used, 1);
                        for (var k = 0; k < used; k++)
                            chars[written++] = Escape(head[at + k]);
                    }
                    at += used;
                }
                source = source[(at - _pendingCount)..];
                if (commit)
                    _pendingCount = 0;
            }

            while (!source.IsEmpty)
            {
                var status = System.Text.Unicode.Utf8.ToUtf16(source, chars[written..], out var read, out var produced,
                    replaceInvalidSequences: false, isFinalBlock: flush);
                written += produced;
                source = source[read..];
                if (status == OperationStatus.Done)
                    break;
                if (status == OperationStatus.DestinationTooSmall)
                    throw new ArgumentException("the character buffer is too small", nameof(chars));
                if (status == OperationStatus.NeedMoreData)
                {
                    if (commit)
                    {
                        source.CopyTo(_pending);
                        _pendingCount = source.Length;
                    }
                    break;
                }
                Rune.DecodeFromUtf8(source, out _, out var invalid);
                invalid = Math.Max(invalid, 1);
                for (var k = 0; k < invalid; k++)
                    chars[written++] = Escape(source[k]);
                source = source[invalid..];
            }
            return written;
        }
    }
}
