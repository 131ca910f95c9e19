using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Vigil.Domain.Errors;
using Vigil.Ingestion.Records;

namespace Vigil.Ingestion.Csv;

/// <summary>
/// A CSV file opened for import: encoding and delimiter checked up front, rows streamed one at a time with
/// the checks every format needs (field count, field size, undecodable bytes). Memory stays constant
/// whatever the file's size.
/// <para>The columns a format looks up (<see cref="IndexOf"/>, <see cref="Required"/>) are the ones it
/// reads. Damaged text (a U+FFFD replacement character, bytes that are not UTF-8) in one of them is an error
/// that shows what was found; in any other column it is only a warning (<see cref="Warnings"/>), since Vigil
/// never looks at that value.</para>
/// </summary>
public sealed class CsvFile : IFieldBinder, IDisposable
{
    /// <summary>The longest field accepted; anything longer is taken for a broken file, not data.</summary>
    public const int MaxFieldLength = 1 << 20;

    private const int InternMaxLength = 48;
    private const int InternMaxEntries = 4096;

    private readonly ProgressStream _stream;
    private readonly StreamReader _text;
    private readonly SepReader _reader;
    private readonly Dictionary<string, string>[] _intern;
    private readonly bool[] _internFull;
    private readonly bool[] _read;
    private readonly List<string> _missing = [];
    private readonly SortedDictionary<(int Column, Damage Damage), DamagedLines> _damage = [];

    private CsvFile(string path, string displayName, TextEncoding encoding, char separator)
    {
        DisplayName = displayName;
        // A UTF-8 byte-order mark (Excel's "CSV UTF-8") says the file is UTF-8, whatever the format usually is.
        var utf8Bom = CheckEncoding(path, displayName);
        var utf8 = encoding == TextEncoding.Utf8 || utf8Bom;
        CheckHeaderLength(path, displayName);
        _stream = new ProgressStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        try
        {
            // A UTF-8 byte-order mark is skipped (the encoding's preamble); UTF-16 ones were refused above.
            _text = new StreamReader(_stream, utf8 ? EscapedBytes.Utf8 : Encoding.Latin1,
                detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            _reader = Sep.New(separator).Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(_text);
        }
        catch (ArgumentException e) when (e.Message.StartsWith("Col name", StringComparison.Ordinal))
        {
            _stream.Dispose();
            // Sep's message lists every column; keep the part that names the repeated one.
            var what = e.Message.Split(" at ", 2)[0];
            throw new InputException(new InputLocation(displayName, 1, 1),
                $"the header names a column more than once ({(what.Length > 200 ? what[..200] + "…" : what)})");
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
        Header = _reader.Header.ColNames;
        if (_reader.Header.IsEmpty || Header.Count == 0)
            throw new InputException(new InputLocation(displayName), "the file is empty: no header row");
        _intern = Header.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();
        _internFull = new bool[Header.Count];
        _read = new bool[Header.Count];
        CheckHeader(separator);
    }

    /// <summary>The longest header row accepted, bytes: far beyond any real dataset's (UCDP's is under 1 KB).</summary>
    public const int MaxHeaderBytes = 1 << 20;

    /// <summary>Refuses, before parsing, a first line too long to be a header (say, millions of empty columns).</summary>
    private static void CheckHeaderLength(string path, string displayName)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long seen = 0;
        while (seen < MaxHeaderBytes)
        {
            var n = file.Read(buffer, 0, buffer.Length);
            if (n == 0 || Array.IndexOf(buffer, (byte)'\n', 0, n) >= 0)
                return;
            seen += n;
        }
        throw new InputException(new InputLocation(displayName, 1, 1),
            $"the first line is longer than {MaxHeaderBytes:N0} bytes, too long to be a header row; this is not a table Vigil imports");
    }

    public string DisplayName { get; }

    public IReadOnlyList<string> Header { get; }

    public long BytesRead => _stream.Position;

    public long Length => _stream.Length;

    /// <summary>The SHA-256 of the file; valid once every row has been read.</summary>
    public string Sha256() => _stream.Sha256();

    public static CsvFile Open(string path, TextEncoding encoding = TextEncoding.Utf8, char separator = ',', string? displayName = null)
    {
        InputFiles.Check(path, displayName);
        return new CsvFile(path, displayName ?? path, encoding, separator);
    }

    /// <summary>The index of a header column the format reads (exact name, then case-insensitive), or -1.</summary>
    public int IndexOf(string column)
    {
        var index = Find(column);
        if (index >= 0)
            _read[index] = true;
        return index;
    }

    private int Find(string column)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i] == column)
                return i;
        }
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i].Trim(), column, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    /// <summary>
    /// The index of a column the format cannot do without. A missing one gives -1 and is remembered, so that
    /// the file is refused once, naming every missing column (<see cref="CheckRequired"/>, which reading the
    /// rows calls first).
    /// </summary>
    public int Required(string column)
    {
        var index = IndexOf(column);
        if (index < 0 && !_missing.Contains(column))
            _missing.Add(column);
        return index;
    }

    /// <summary>Refuses the file when <see cref="Required"/> found columns missing, naming all of them.</summary>
    public void CheckRequired()
    {
        if (_missing.Count == 1)
            throw new InputException(new InputLocation(DisplayName, 1, 1, _missing[0]),
                $"required column is missing (the header has: {Describe(Header)})");
        if (_missing.Count > 1)
            throw new InputException(new InputLocation(DisplayName, 1, 1),
                $"{_missing.Count} required columns are missing: {string.Join(", ", _missing)} (the header has: {Describe(Header)})");
    }

    /// <summary>
    /// Damaged text found in columns the format does not read, one line per column and kind of damage, naming
    /// the rows; complete once every row has been read.
    /// </summary>
    public IReadOnlyList<string> Warnings =>
        [.. _damage.Select(p => $"{DisplayName}: WARNING: column {Header[p.Key.Column]}, which Vigil does not read, has "
            + (p.Key.Damage == Damage.Replacement ? "the replacement character U+FFFD (text damaged before the file was made)" : "bytes that are not valid UTF-8")
            + $" on {p.Value}; the column is ignored, so this alone does not stop those rows")];

    /// <summary>
    /// Calls <paramref name="handle"/> for every data row after the row-level checks. A row that fails them
    /// is passed to <paramref name="reject"/> with its error (which rethrows unless bad rows are skipped).
    /// </summary>
    public void ForEachRow(RowHandler handle, Action<string, InputException> reject)
    {
        CheckRequired();
        // Where the next row starts, for an error raised before Sep can hand that row over.
        long nextLine = 2;
        while (true)
        {
            try
            {
                if (!_reader.MoveNext())
                    break;
            }
            catch (NotSupportedException)
            {
                // Sep refuses a row longer than its buffer (16M characters) and cannot go on after it.
                throw new InputException(new InputLocation(DisplayName, nextLine, 1),
                    $"the row starting on this line is too long to read: a field far over the {MaxFieldLength:N0}-character limit, or a quote that is never closed");
            }
            var row = _reader.Current;
            nextLine = row.LineNumberToExcl;
            var view = new RowView(row, this);
            InputException? error;
            try
            {
                error = Check(row, view);
                if (error is null)
                {
                    handle(view);
                    continue;
                }
            }
            catch (InputException e)
            {
                error = e;
            }
            reject(row.Span.ToString(), error);
        }
    }

    public delegate void RowHandler(RowView row);

    private InputException? Check(SepReader.Row row, RowView view)
    {
        if (row.ColCount != Header.Count)
        {
            // A blank line is not a row.
            if (row.ColCount == 1 && row.Span.Trim().IsEmpty)
                return null;
            return view.RowError($"expected {Header.Count} fields as in the header, found {row.ColCount}");
        }
        var span = row.Span;
        if (span.Length > MaxFieldLength)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                if (row[i].Span.Length > MaxFieldLength)
                    return view.Error(i, $"field is {row[i].Span.Length:N0} characters long; the limit is {MaxFieldLength:N0}");
            }
        }
        if (span.ContainsAny(EscapedBytes.Suspect))
            return CheckText(row, view);
        return null;
    }

    /// <summary>
    /// NUL anywhere, or damaged text in a column the format reads, refuses the row; damaged text elsewhere is
    /// remembered for <see cref="Warnings"/>.
    /// </summary>
    private InputException? CheckText(SepReader.Row row, RowView view)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            var f = row[i].Span;
            if (f.Contains('\0'))
                return view.Error(i, "contains NUL characters: the file is binary or UTF-16, not UTF-8 text");
            if (!_read[i])
                continue;
            if (EscapedBytes.IndexOfEscaped(f) is >= 0 and var escaped)
                return view.Error(i, $"contains bytes that are not valid UTF-8 ({EscapedBytes.Bytes(f)}) in \"{EscapedBytes.Excerpt(f, escaped)}\": is the file Latin-1 or Windows-1252? Save it as UTF-8");
            if (f.IndexOf('\uFFFD') is >= 0 and var replacement)
                return view.Error(i, $"contains the replacement character U+FFFD in \"{EscapedBytes.Excerpt(f, replacement)}\": the file is valid UTF-8, but this text was damaged before it was written (a conversion that could not read a character); correct the value");
        }
        for (var i = 0; i < row.ColCount; i++)
        {
            if (_read[i])
                continue;
            var f = row[i].Span;
            if (EscapedBytes.ContainsEscaped(f))
                Remember(i, Damage.InvalidBytes, row.LineNumberFrom);
            if (f.Contains('\uFFFD'))
                Remember(i, Damage.Replacement, row.LineNumberFrom);
        }
        return null;
    }

    private void Remember(int column, Damage damage, long line)
    {
        if (!_damage.TryGetValue((column, damage), out var lines))
            _damage[(column, damage)] = lines = new DamagedLines();
        lines.Add(line);
    }

    private enum Damage
    {
        Replacement,
        InvalidBytes,
    }

    /// <summary>The lines a kind of damage was seen on: the first few by number, then a count.</summary>
    private sealed class DamagedLines
    {
        private const int Shown = 10;
        private readonly List<long> _first = [];
        private long _count;

        public void Add(long line)
        {
            if (_first.Count < Shown)
                _first.Add(line);
            _count++;
        }

        public override string ToString()
        {
            var lines = string.Join(", ", _first.Select(l => l.ToString(CultureInfo.InvariantCulture)));
            var rows = _count == 1 ? "line " + lines : "lines " + lines;
            return _count > _first.Count ? string.Create(CultureInfo.InvariantCulture, $"{rows} and {_count - _first.Count:N0} more ({_count:N0} rows)") : rows;
        }
    }

    internal string Intern(int col, ReadOnlySpan<char> span)
    {
        if (span.Length > InternMaxLength || _internFull[col])
            return span.ToString();
        var cache = _intern[col];
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(span, out var existing))
            return existing;
        var text = span.ToString();
        if (cache.Count >= InternMaxEntries)
            _internFull[col] = true;
        else
            cache[text] = text;
        return text;
    }

    /// <summary>Refuses UTF-16 and binary files; returns whether the file starts with a UTF-8 byte-order mark.</summary>
    private static bool CheckEncoding(string path, string file)
    {
        Span<byte> head = stackalloc byte[4096];
        int n;
        using (var stream = File.OpenRead(path))
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (n == 0)
            throw new InputException(new InputLocation(file), "the file is empty");
        if ((n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) || head.Count((byte)0) > n / 8)
            throw new InputException(new InputLocation(file, 1, 1), "the file is UTF-16 (or binary); save it as UTF-8 CSV");
        return head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
    }

    private void CheckHeader(char separator)
    {
        if (Header.Count == 1)
        {
            var only = Header[0];
            foreach (var other in new[] { ';', '\t', '|' })
            {
                if (other != separator && only.Contains(other))
                    throw new InputException(new InputLocation(DisplayName, 1, 1),
                        $"the header has one column; the file seems to be separated by '{(other == '\t' ? "\\t" : other)}', not '{separator}'");
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i].Length > 0 && !seen.Add(Header[i]))
                throw new InputException(new InputLocation(DisplayName, 1, null, Header[i]), "column name appears twice in the header");
        }
    }

    private static string Describe(IReadOnlyList<string> header)
    {
        var shown = string.Join(", ", header.Take(8));
        return header.Count > 8 ? $"{shown}, ... ({header.Count} columns)" : shown;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
        _stream.Dispose();
    }
}

public enum TextEncoding
{
    Utf8,
    /// <summary>ISO-8859-1: every byte is a character, so nothing is undecodable (the PBC files need it).</summary>
    Latin1,
}
