using System.Text;
using System.Text.Json;
using Vigil.Domain.Errors;
using Vigil.Ingestion.Csv;

namespace Vigil.Ingestion;

/// <summary>
/// Writes the rows an import skipped, each with its line and the reason, so they can be fixed and
/// imported again. CSV rows are written as they were, under the original header plus <c>vigil_line</c> and
/// <c>vigil_error</c>; JSON records as JSON lines. The file appears only when the import commits.
/// </summary>
internal sealed class RejectsWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly StreamWriter _writer;
    private bool _completed;

    public RejectsWriter(string path)
    {
        _path = Path.GetFullPath(path);
        _temp = _path + ".partial";
        _writer = new StreamWriter(_temp, append: false, new UTF8Encoding(false));
    }

    public long Count { get; private set; }

    public void BeginCsv(IReadOnlyList<string> header)
    {
        _writer.Write(string.Join(",", header.Select(Quote)));
        _writer.Write(",vigil_line,vigil_error\n");
    }

    public void WriteCsv(string rawRow, InputException error)
    {
        Count++;
        if (EscapedBytes.ContainsEscaped(rawRow))
        {
            // Bytes that were not UTF-8 go back out as they came in, not as U+FFFD.
            _writer.Flush();
            _writer.BaseStream.Write(EscapedBytes.ToBytes(rawRow));
        }
        else
        {
            _writer.Write(rawRow);
        }
        _writer.Write(',');
        _writer.Write(error.Location.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        _writer.Write(',');
        _writer.Write(Quote(Shown(error)));
        _writer.Write('\n');
    }

    public void WriteJson(string rawRecord, InputException error)
    {
        Count++;
        _writer.Write(JsonSerializer.Serialize(new RejectedRecord(error.Location.Line, Shown(error), rawRecord)));
        _writer.Write('\n');
    }

    /// <summary>The reason with the file's name only: a rejects file is handed out, and must not show where the input was kept.</summary>
    private static string Shown(InputException error) =>
        error.Location.File is { Length: > 0 } file ? new InputException(error.Location with { File = Path.GetFileName(file) }, error.Problem).Message : error.Message;

    private sealed record RejectedRecord(long? Line, string Error, string Record);

    /// <summary>Publishes the file (only if something was rejected).</summary>
    public string? Complete()
    {
        _writer.Dispose();
        _completed = true;
        if (Count == 0)
        {
            File.Delete(_temp);
            return null;
        }
        File.Move(_temp, _path, overwrite: true);
        return _path;
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Dispose()
    {
        if (_completed)
            return;
        _writer.Dispose();
        File.Delete(_temp);
    }
}
