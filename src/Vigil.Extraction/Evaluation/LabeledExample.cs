using System.Globalization;
using System.Text.Json;

namespace Vigil.Extraction.Evaluation;

/// <summary>The fields the evaluation scores.</summary>
public enum EvalField
{
    Killed,
    Injured,
    Date,
    District,
    Actor,
    EventType,
}

/// <summary>
/// One labeled text. For each field: absent from <see cref="Gold"/> means "not scored on this example";
/// present with a null value means "the text states none" (a prediction is then a false positive).
/// Killed and injured are compared by their best value, dates by start and end day, names by their canonical
/// spelling, ignoring case.
/// </summary>
public sealed record LabeledExample(string Id, string Text, DateOnly? Published, IReadOnlyDictionary<EvalField, string?> Gold);

/// <summary>
/// Reads labeled JSON lines: <c>{"id", "published", "text", "killed", "injured", "date", "district", "actor", "event_type"}</c>.
/// <c>killed</c>/<c>injured</c> are a number (the best value) or null; <c>date</c> is <c>YYYY-MM-DD</c> or
/// <c>YYYY-MM-DD..YYYY-MM-DD</c>; <c>event_type</c> is Vigil's kebab-case name (suicide-bombing, bombing, ...).
/// </summary>
public static class LabeledSet
{
    private static readonly (string Key, EvalField Field)[] Keys =
    [
        ("killed", EvalField.Killed), ("injured", EvalField.Injured), ("date", EvalField.Date), ("district", EvalField.District),
        ("actor", EvalField.Actor), ("event_type", EvalField.EventType),
    ];

    public static List<LabeledExample> Read(string path) => LabeledLines.Read(path, "JSON", Parse);

    public static LabeledExample Parse(string line, string id)
    {
        using var doc = JsonDocument.Parse(line);
        var e = doc.RootElement;
        var gold = new Dictionary<EvalField, string?>();
        foreach (var (key, field) in Keys)
        {
            if (!e.TryGetProperty(key, out var v))
                continue;
            gold[field] = v.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number => v.GetInt64().ToString(CultureInfo.InvariantCulture),
                JsonValueKind.String => v.GetString(),
                _ => throw new JsonException($"{key} must be a number, a string or null"),
            };
        }
        DateOnly? published = e.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
            ? DateOnly.ParseExact(p.GetString()![..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        return new LabeledExample(
            e.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : id,
            e.GetProperty("text").GetString() ?? "",
            published,
            gold);
    }
}
