using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Errors;

namespace Vigil.Extraction.Input;

/// <summary>
/// Reads articles from a file: JSON lines (<c>.jsonl</c>, one <c>{"id","published","source","url","title","text"}</c>
/// per line; <c>text</c> may hold HTML), HTML (<c>.html</c>, <c>.htm</c>) or plain text (anything else). A plain
/// or HTML file is one article; its publication date is taken from a leading "date YYYY-MM-DD" or
/// "YYYY-MM-DD" in its first line when there is one, else from the <c>published</c> argument.
/// </summary>
public static class ArticleReader
{
    public static IEnumerable<Article> Read(string path, DateOnly? published = null)
    {
        var name = Path.GetFileName(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".jsonl" or ".ndjson")
            return ReadJsonLines(path);
        var raw = File.ReadAllText(path);
        var text = Readable(raw, ext is ".html" or ".htm");
        return [new Article(name, text, DateInFirstLine(text) ?? published, Source: name)];
    }

    public static IEnumerable<Article> ReadJsonLines(string path)
    {
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return ParseLine(line, path, lineNo);
        }
    }

    public static Article ParseLine(string line, string file, int lineNo)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            if (e.ValueKind != JsonValueKind.Object)
                throw new InputException(new InputLocation(file, lineNo, 1), "expected a JSON object");
            var text = Str(e, "text") ?? "";
            text = Readable(text);
            DateOnly? published = null;
            if (Str(e, "published") is { Length: >= 10 } p)
            {
                if (!DateOnly.TryParseExact(p[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw new InputException(new InputLocation(file, lineNo, 1, "published"), $"'{p}' is not a date (YYYY-MM-DD)");
                published = d;
            }
            return new Article(Str(e, "id") ?? $"{Path.GetFileName(file)}:{lineNo}", text, published, Str(e, "source"), Str(e, "url"), Str(e, "title"));
        }
        catch (JsonException ex)
        {
            throw new InputException(new InputLocation(file, lineNo, (int)(ex.BytePositionInLine ?? 0) + 1), "invalid JSON: " + ex.Message);
        }
    }

    public static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2000)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && (head.Contains("</p>", StringComparison.OrdinalIgnoreCase) || head.Contains("<div", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>An article's text as extraction reads it: HTML (said so, or looking like it) as its text, else clipped to the budget.</summary>
    public static string Readable(string text, bool html = false) => html || LooksLikeHtml(text) ? HtmlText.ToText(text) : ArticleExtractor.TextRead(text);

    private static DateOnly? DateInFirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = (end < 0 ? text : text[..end]).Trim();
        foreach (var word in first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6))
        {
            if (word.Length == 10 && DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return d;
        }
        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
