using System.Text.Json;
using Vigil.Storage;

namespace Vigil.Application.Review;

/// <summary>One extracted value's place in an article: its candidate, what it is ("killed", "date", "claim") and where.</summary>
public sealed record ValueMark(long CandidateId, string Kind, string What, int Start, int End);

/// <summary>A piece of an article's text and the values read from it (none for plain text).</summary>
public sealed record MarkedPiece(string Text, IReadOnlyList<ValueMark> Marks);

/// <summary>
/// Every value extracted from a kept article, in its place: the character spans of each candidate's payload (a
/// report's date, place, parties, figures; a claim's evidence; an engagement's, a commitment's or a border event's
/// phrase) found by walking the payload's JSON for objects with a <c>start</c> and an <c>end</c>, named by the
/// property that holds them. The text is cut at every span's ends, so overlapping values mark the same piece together.
/// </summary>
public static class ArticleHighlights
{
    public static IReadOnlyList<ValueMark> Marks(QueuedArticle article, IEnumerable<ExtractionCandidate> candidates)
    {
        var marks = new List<ValueMark>();
        foreach (var c in candidates)
        {
            try
            {
                using var doc = JsonDocument.Parse(c.Payload);
                Walk(doc.RootElement, c, c.Kind, marks, article.Text.Length);
            }
            catch (JsonException)
            {
                // A payload that is not JSON marks nothing; the candidate still lists beside the article.
            }
        }
        // A report lists every figure it found under "casualties": the one it chose is already marked by its own name.
        marks.RemoveAll(m => m.What == "casualties" && marks.Any(o => o != m && o.CandidateId == m.CandidateId && o.Start == m.Start && o.End == m.End));
        return [.. marks.Distinct().OrderBy(m => m.Start).ThenByDescending(m => m.End)];
    }

    public static IReadOnlyList<MarkedPiece> Pieces(string text, IReadOnlyList<ValueMark> marks)
    {
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var m in marks)
        {
            cuts.Add(m.Start);
            cuts.Add(m.End);
        }
        var pieces = new List<MarkedPiece>();
        var bounds = cuts.ToList();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var (from, to) = (bounds[i], bounds[i + 1]);
            var covering = marks.Where(m => m.Start <= from && m.End >= to).ToList();
            if (pieces.Count > 0 && covering.Count == 0 && pieces[^1].Marks.Count == 0)
                pieces[^1] = new MarkedPiece(pieces[^1].Text + text[from..to], []);
            else
                pieces.Add(new MarkedPiece(text[from..to], covering));
        }
        return pieces;
    }

    private static void Walk(JsonElement e, ExtractionCandidate c, string name, List<ValueMark> marks, int length)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (e.TryGetProperty("start", out var s) && e.TryGetProperty("end", out var en) && s.ValueKind == JsonValueKind.Number && en.ValueKind == JsonValueKind.Number
                    && s.TryGetInt32(out var start) && en.TryGetInt32(out var end)
                    && start >= 0 && end <= length && start < end)
                    marks.Add(new ValueMark(c.Id, c.Kind, name.Replace('_', ' '), start, end));
                foreach (var p in e.EnumerateObject())
                {
                    // A claim's evidence is the claim; a report's fields are named by their property.
                    // A party's figures are marked as its claim, apart from the article's own ("party claim killed").
                    var child = c.Kind == "report" && p.Name is not ("value" or "evidence") ? (name == "party_claims" ? "party claim " + p.Name : p.Name) : name;
                    Walk(p.Value, c, child, marks, length);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    Walk(item, c, name, marks, length);
                break;
        }
    }
}
