using System.Text.Json;
using Vigil.Domain.Border;
using Vigil.Domain.Errors;
using Vigil.Extraction.Statements;

namespace Vigil.Extraction.Review;

/// <summary>
/// A border-event candidate (a <see cref="BorderEvent"/> as <see cref="ExtractionJson"/> writes it) as a
/// <see cref="StatusEvent"/>: the crossing matched by name against the stored crossings (key, name, Pakistani or
/// Afghan name, any case); a closure makes it closed, a reopening open; from the first day of the date the text
/// gives (none: refused, asking for date=); the reason is the cue and the date rule; the article is the source.
/// Editable: crossing (a stored key), date, status (open, closed, partially-open).
/// </summary>
public static class BorderEventAcceptance
{
    public static readonly IReadOnlyList<string> EditableFields = ["crossing", "date", "status"];

    public static StatusEvent FromPayload(string payload, CandidateArticle article, IEnumerable<KeyValuePair<string, string>> edits, IReadOnlyList<Crossing> crossings)
    {
        var b = JsonSerializer.Deserialize<BorderEvent>(payload, ExtractionJson.Options) ?? throw new FormatException("empty border-event payload");
        var set = new Edits(edits, EditableFields);
        var crossing = set.Text("crossing") is { } key
            ? crossings.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new FieldException("crossing", $"no stored crossing '{key}'; one of: {Keys(crossings)}")
            : Match(b, crossings)
                ?? throw new FieldException("crossing", $"'{b.Crossing.Place.Location ?? b.Crossing.Text}' matches no stored crossing; set crossing=KEY (one of: {Keys(crossings)})");
        var from = set.Day("date") ?? b.When?.Value.Start
            ?? throw new FieldException("date", "the text does not say when; set date=YYYY-MM-DD");
        return new StatusEvent
        {
            CrossingKey = crossing.Key,
            Status = set.Text("status") is { } s ? StatementFields.Enum<CrossingStatus>("status", s)
                : b.Kind == BorderEventKind.Closure ? CrossingStatus.Closed : CrossingStatus.Open,
            From = from,
            Reason = set.Day("date") is null && b.WhenRule is { } rule
                ? $"{b.Cue.Evidence} of {b.Crossing.Text} (the day by rule '{rule}' from \"{b.When?.Evidence}\")"
                : $"{b.Cue.Evidence} of {b.Crossing.Text}",
            Source = article.Citation,
        };
    }

    private static Crossing? Match(BorderEvent b, IReadOnlyList<Crossing> crossings)
    {
        var names = new[] { b.Crossing.Place.Location, b.Crossing.Text, Strip(b.Crossing.Text) }.OfType<string>();
        return names.Select(n => crossings.FirstOrDefault(c => new[] { c.Key, c.Name, c.PakistanName, c.AfghanistanName }
                .Any(x => string.Equals(x, n, StringComparison.OrdinalIgnoreCase))))
            .FirstOrDefault(c => c is not null);
    }

    private static string Strip(string text)
    {
        foreach (var suffix in new[] { " border crossing", " border", " crossing" })
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return text[..^suffix.Length];
        return text;
    }

    private static string Keys(IReadOnlyList<Crossing> crossings) => crossings.Count == 0 ? "none stored" : string.Join(", ", crossings.Select(c => c.Key));
}
