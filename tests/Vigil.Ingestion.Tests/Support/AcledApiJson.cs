using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Ingestion.Tests.Support;

/// <summary>
/// ACLED's API response written from rows of its CSV export, as the API gives them: the same keys, every value a
/// string (or, with <c>numbers</c>, numeric fields as JSON numbers and empty ones as null), in the
/// <c>{"status":200,"success":true,"count":N,"data":[...]}</c> envelope. One event per line: line 1 opens the
/// envelope, event i is on line i + 2, the last line closes it.
/// </summary>
internal static class AcledApiJson
{
    private static readonly HashSet<string> Numeric = new(StringComparer.Ordinal)
    {
        "year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude", "longitude", "geo_precision", "fatalities", "timestamp",
    };

    public static List<OrderedDictionary<string, object?>> Events(CsvTable table, bool numbers = false) =>
        [.. table.Rows.Select(row => Event(table.Header, row, numbers))];

    public static OrderedDictionary<string, object?> Event(IReadOnlyList<string> header, CsvRecord row, bool numbers)
    {
        var e = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in header)
        {
            var text = row[column];
            e[column] = !numbers || !Numeric.Contains(column) ? text
                : text.Length == 0 ? null
                : text.Contains('.', StringComparison.Ordinal) ? double.Parse(text, CultureInfo.InvariantCulture)
                : long.Parse(text, CultureInfo.InvariantCulture);
        }
        return e;
    }

    public static string Response(IReadOnlyList<OrderedDictionary<string, object?>> events)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{{\"status\":200,\"success\":true,\"last_update\":12,\"count\":{events.Count},\"data\":[\n");
        for (var i = 0; i < events.Count; i++)
            text.Append(JsonSerializer.Serialize(events[i])).Append(i < events.Count - 1 ? ",\n" : "\n");
        text.Append("],\"filename\":\"acled-export\"}\n");
        return text.ToString();
    }

    /// <summary>The 1-based character column where <paramref name="key"/>'s value starts on a line of <paramref name="json"/>.</summary>
    public static int ValueColumn(string json, int line, string key)
    {
        var text = json.Split('\n')[line - 1];
        var at = text.IndexOf($"\"{key}\":", StringComparison.Ordinal);
        return at + key.Length + 3 + 1;
    }
}
