using System.Text.Json;
using Vigil.Domain.Errors;

namespace Vigil.Extraction.Evaluation;

/// <summary>
/// Reads a labeled set, one JSON object per line (blank lines skipped), through a parser of one line. A line that does
/// not read is refused with its file, line and column (the column of a JSON error; 1 for a missing or mistyped field).
/// </summary>
internal static class LabeledLines
{
    /// <param name="path">The file.</param>
    /// <param name="what">What a line is, for the error ("labeled document").</param>
    /// <param name="parse">One line and its name (file:line) to its value.</param>
    /// <exception cref="InputException">A line that does not read.</exception>
    public static List<T> Read<T>(string path, string what, Func<string, string, T> parse)
    {
        var list = new List<T>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                list.Add(parse(line, $"{Path.GetFileName(path)}:{lineNo}"));
            }
            catch (JsonException e)
            {
                throw new InputException(new InputLocation(path, lineNo, (int)(e.BytePositionInLine ?? 0) + 1), $"invalid {what}: {e.Message}");
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InputException(new InputLocation(path, lineNo, 1), $"invalid {what}: {e.Message}");
            }
        }
        return list;
    }
}
