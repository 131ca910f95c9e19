using System.Text.Json;
using Vigil.Domain.Accountability;
using Vigil.Domain.Actors;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Text;
using Payload = Vigil.Extraction.Statements.Commitment;

namespace Vigil.Extraction.Review;

/// <summary>
/// A commitment candidate (a <see cref="Payload"/> as <see cref="ExtractionJson"/> writes it) as a
/// <see cref="Commitment"/>: key news-ID; the engagement set by the analyst, else the one accepted from the same
/// article (none: refused); made by the giver's actor (else the giver's words), to the recipient, in the content's
/// words (else the evidence sentence), on the publication day; the article as the source.
/// <para>
/// The default indicator: attacks in Pakistan per month, which must decrease (12 months before against 12 after);
/// when the content or the topics name militant groups other than the giver (for example TTP), only their attacks
/// count. Editable: key, engagement, date, made_by, made_to, category, indicator_metric (attacks, killed, injured),
/// indicator_perpetrator (comma-separated; "none" for all perpetrators), indicator_province, indicator_direction
/// (decrease, increase).
/// </para>
/// </summary>
public static class CommitmentAcceptance
{
    public static readonly IReadOnlyList<string> EditableFields =
        ["key", "engagement", "date", "made_by", "made_to", "category", "indicator_metric", "indicator_perpetrator", "indicator_province", "indicator_direction"];

    /// <summary>The commitment of a payload; <paramref name="articleEngagement"/> is the key of the engagement accepted from the same article, or null.</summary>
    public static Commitment FromPayload(string payload, CandidateArticle article, IEnumerable<KeyValuePair<string, string>> edits, string? articleEngagement)
    {
        var m = JsonSerializer.Deserialize<Payload>(payload, ExtractionJson.Options) ?? throw new FormatException("empty commitment payload");
        var set = new Edits(edits, EditableFields);
        var engagement = set.Text("engagement") ?? articleEngagement
            ?? throw new FieldException("engagement", $"no engagement was accepted from article {article.ArticleId}; accept the article's engagement first or set engagement=KEY");
        var commitment = new Commitment
        {
            Key = set.Text("key") ?? $"news-{article.CandidateId}",
            EngagementKey = engagement,
            MadeOn = set.Day("date") ?? article.Published
                ?? throw new FieldException("date", "the article has no publication date; set date=YYYY-MM-DD"),
            MadeBy = set.Text("made_by") ?? m.GiverActor ?? m.Giver?.Value
                ?? throw new FieldException("made_by", "the text does not say who gave it; set made_by=NAME"),
            MadeTo = set.Text("made_to") ?? m.Recipient,
            Words = m.Content?.Value ?? article.Evidence ?? m.Cue.Evidence,
            Source = article.Citation,
            Category = set.Text("category"),
            Indicator = Indicator(m, set),
        };
        if (commitment.Problem() is { } p)
            throw new FieldException(p.Field, p.Problem);
        return commitment;
    }

    private static Indicator Indicator(Payload m, Edits set)
    {
        var perpetrators = set.List("indicator_perpetrator") is { } listed
            ? (listed is ["none"] ? [] : listed)
            : GroupsNamed(m);
        var metric = set.Text("indicator_metric") is { } mt ? StatementFields.Enum<IndicatorMetric>("indicator_metric", mt) : IndicatorMetric.Attacks;
        var province = set.Text("indicator_province");
        var name = $"{EnumText<IndicatorMetric>.Format(metric)}{(perpetrators.Count > 0 ? " by " + string.Join(", ", perpetrators) : "")} in {province ?? "Pakistan"} per month";
        return new Indicator
        {
            Name = name,
            Metric = metric,
            Filter = new IndicatorFilter { Countries = ["Pakistan"], Provinces = province is null ? [] : [province], Perpetrators = perpetrators },
            Direction = set.Text("indicator_direction") is { } d ? StatementFields.Enum<ProgressDirection>("indicator_direction", d) : ProgressDirection.Decrease,
        };
    }

    /// <summary>The militant groups named in the content or the topics, other than the giver.</summary>
    private static IReadOnlyList<string> GroupsNamed(Payload m)
    {
        var text = string.Join(". ", m.About.Prepend(m.Content?.Value ?? ""));
        return [.. ActorFinder.Bundled.Find(new TextDocument(text)).Select(a => a.Actor)
            .Where(a => a.Kind == ActorKind.Militant && a.Name != m.GiverActor).Select(a => a.Name).Distinct()];
    }
}
