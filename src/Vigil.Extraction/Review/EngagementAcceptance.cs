using System.Text.Json;
using Vigil.Domain.Accountability;
using Vigil.Domain.Errors;
using Payload = Vigil.Extraction.Statements.Engagement;

namespace Vigil.Extraction.Review;

/// <summary>
/// An engagement candidate (a <see cref="Payload"/> as <see cref="ExtractionJson"/> writes it) as an
/// <see cref="Engagement"/>: key news-ID; start and end from the date the text gives, else the publication day;
/// place = the place named; parties = the delegation's country and the counterpart (else the host country);
/// delegation = who went; format visit when the evidence speaks of a visit, else talks; topics as extracted; the
/// article as the source. Editable: key, date (the start), end, place, format.
/// </summary>
public static class EngagementAcceptance
{
    public static readonly IReadOnlyList<string> EditableFields = ["key", "date", "end", "place", "format"];

    public static Engagement FromPayload(string payload, CandidateArticle article, IEnumerable<KeyValuePair<string, string>> edits)
    {
        var e = JsonSerializer.Deserialize<Payload>(payload, ExtractionJson.Options) ?? throw new FormatException("empty engagement payload");
        var set = new Edits(edits, EditableFields);
        var when = e.When?.Value;
        var start = set.Day("date") ?? when?.Start ?? article.Published
            ?? throw new FieldException("date", "neither the text nor the article gives a date; set date=YYYY-MM-DD");
        var end = set.Day("end") ?? (set.Day("date") is null && when is { } w && w.End != w.Start ? w.End : null);
        var host = e.Where?.Place.Country;
        var counterpart = e.Counterpart?.Value ?? (host != e.WhoCountry ? host : null);
        var engagement = new Engagement
        {
            Key = set.Text("key") ?? $"news-{article.CandidateId}",
            Start = start,
            End = end,
            Place = set.Text("place") ?? e.Where?.Text,
            Parties = [.. new[] { e.WhoCountry, counterpart }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            Delegation = [e.Who.Value],
            Format = set.Text("format") is { } f ? StatementFields.Enum<EngagementFormat>("format", f)
                : article.Evidence?.Contains("visit", StringComparison.OrdinalIgnoreCase) == true ? EngagementFormat.Visit : EngagementFormat.Talks,
            Topics = [.. e.Topics.Select(t => t.Value)],
            Sources = [article.Citation],
        };
        if (engagement.Problem() is { } p)
            throw new FieldException(p.Field, p.Problem);
        return engagement;
    }
}
