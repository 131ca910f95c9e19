using Vigil.Domain.Actors;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Incidents;

/// <summary>
/// Reads an incident report from an article: casualties, date, place, event type, perpetrator and targets. An
/// article with no casualty figure, no attack cue and no word of killing or injury gives no report. Choices when the text offers
/// several: the first dated day or week (else month) is the date; a place after "in", "near", "at" or "outside"
/// wins over one that is only mentioned, a district or town over a province; the perpetrator is the group in a
/// sentence that claims or suspects, else the first group named.
/// </summary>
public sealed class IncidentReportExtractor(PlaceFinder places, ActorFinder actors)
{
    public static IncidentReportExtractor Bundled { get; } = new(PlaceFinder.Bundled, ActorFinder.Bundled);


    /// <param name="article">The article (for its id and publication date).</param>
    /// <param name="doc">Its text, tokenised.</param>
    /// <param name="exclude">Casualty phrases to leave out: those that state a statistic over a period, not one attack's toll.</param>
    public ExtractedReport? Extract(Article article, TextDocument doc, Func<CasualtyMention, bool>? exclude = null)
    {
        var mentions = CasualtyParser.Find(doc);
        if (exclude is not null)
            mentions.RemoveAll(m => exclude(m));
        var type = EventTypeClassifier.Classify(doc);
        if (mentions.Count == 0 && type is null && !HasHarmWord(doc))
            return null;
        // Who gave each figure: a party's figures are its claims, never the article's own.
        var named = actors.Find(doc);
        mentions = FigureAttribution.Bundled.Attribute(doc, mentions, named, article.Published);
        var own = OwnFigures(mentions, doc);
        var (killed, injured) = CasualtyTotals.Of(own, doc);
        var attackers = CasualtyTotals.PerpetratorsKilled(own);
        var perpetratorsIncluded = killed?.IncludesPerpetrators == true ? true : attackers is not null ? false : (bool?)null;
        // When the only deaths the text reports are the attackers' ("attack foiled, 2 suicide bombers dead"), they
        // are all the deaths: killed is their figure, marked as counting perpetrators only.
        if (killed is null && attackers?.Best is not null)
            (killed, perpetratorsIncluded) = (attackers, true);
        var dates = DateFinder.Find(doc, article.Published);
        var date = dates.FirstOrDefault(d => d.Date.Precision is DatePrecision.Day or DatePrecision.Week)
                   ?? dates.FirstOrDefault(d => d.Date.Precision == DatePrecision.Month);
        return new ExtractedReport
        {
            ArticleId = article.Id,
            Published = article.Published,
            Source = article.Source,
            Casualties = mentions,
            PartyClaims = PartyClaims(mentions, doc),
            Killed = killed,
            Injured = injured,
            PerpetratorsKilled = attackers,
            PerpetratorsIncluded = perpetratorsIncluded,
            EventType = type,
            Date = date is null ? null : new Spanned<IncidentDate>(date.Date, date.Start, date.End, date.Text),
            DateRule = date?.Rule,
            Place = ChoosePlace(doc, places.Find(doc)),
            Perpetrator = ChoosePerpetrator(doc, named),
            Targets = TargetFinder.Find(doc, type?.Value),
        };
    }

    /// <summary>
    /// The article's own figures: those no party gave. A party's total or revision ("a total of 7 soldiers were martyred,
    /// the ISPR said") speaks for the figures no one is named for before it, as a total or revision does in the whole
    /// text: they are its parts or earlier counts, not the article's own figure. A figure a named speaker gave stays.
    /// </summary>
    private static List<CasualtyMention> OwnFigures(List<CasualtyMention> mentions, TextDocument doc)
    {
        var partyTotals = mentions.Where(m => m.Speaker is { IsParty: true } && (m.IsRevision || SubEvents.StatesTotal(doc, m))).ToList();
        return [.. mentions.Where(m => m.Speaker is not { IsParty: true }
            && !(m.Speaker is null && partyTotals.Any(t => t.Kind == m.Kind && t.Start > m.Start)))];
    }

    /// <summary>Each party's figures, chosen among them as the article's own are chosen among its figures, in order of first mention.</summary>
    private static List<PartyFigure> PartyClaims(List<CasualtyMention> mentions, TextDocument doc) =>
        [.. mentions.Where(m => m.Speaker is { IsParty: true, Party: not null } && !m.Perpetrators)
            .GroupBy(m => m.Speaker!.Party!, StringComparer.Ordinal)
            .Select(g =>
            {
                var (k, i) = CasualtyTotals.Of(g, doc);
                var speaker = g.First().Speaker!;
                return new PartyFigure(g.Key, speaker.Side, speaker, k, i);
            })
            .Where(c => c.Killed is not null || c.Injured is not null)];

    // "TTP commander killed in Pakistan": a report of a death with no number.
    private static bool HasHarmWord(TextDocument doc) =>
        doc.Tokens.Any(t => t.Lower is "killed" or "kills" or "kill" or "killing" or "dead" or "died" or "injured" or "wounded" or "martyred");

    private static PlaceMention? ChoosePlace(TextDocument doc, List<PlaceMention> found)
    {
        if (found.Count == 0)
            return null;
        int Score(PlaceMention p)
        {
            var s = 0;
            if (p.FirstToken > 0 && doc.Tokens[p.FirstToken - 1].Lower is "in" or "near" or "at" or "outside" or "of" or "from")
                s += 2;
            if (p.Place.Admin2 is not null)
                s += 1;
            return s;
        }
        return found.Select((p, i) => (p, i)).OrderByDescending(x => Score(x.p)).ThenBy(x => x.i).First().p;
    }

    private static readonly string[] ClaimCues = ["claimed", "claiming", "claims", "claim"];
    private static readonly string[] SuspectCues = ["suspected", "suspect", "blamed", "believed", "allegedly", "likely", "accused", "suspects"];

    private static Spanned<Perpetrator>? ChoosePerpetrator(TextDocument doc, List<ActorMention> found)
    {
        ActorMention? chosen = null;
        AttributionCertainty? certainty = null;
        string? cue = null;
        foreach (var m in found)
        {
            var (c, word) = CertaintyIn(doc, doc.SentenceOf(m.FirstToken));
            if (c == AttributionCertainty.Claimed)
            {
                (chosen, certainty, cue) = (m, c, word);
                break;
            }
            if (c == AttributionCertainty.Suspected && certainty is null)
                (chosen, certainty, cue) = (m, c, word);
        }
        chosen ??= found.FirstOrDefault();
        if (chosen is null)
        {
            // "No group has claimed responsibility": the perpetrator is stated to be unknown.
            foreach (var s in doc.Sentences)
            {
                if (HasNoClaim(doc, s))
                    return new Spanned<Perpetrator>(new Perpetrator(new ActorRef(null, "unknown"), AttributionCertainty.Unknown, "no claim"), s.Start, s.End, doc.Slice(s.Start, s.End));
            }
            return null;
        }
        return new Spanned<Perpetrator>(new Perpetrator(new ActorRef(chosen.Actor.Name, chosen.Text), certainty, cue), chosen.Start, chosen.End, chosen.Text);
    }

    private static (AttributionCertainty?, string?) CertaintyIn(TextDocument doc, Sentence s)
    {
        if (HasNoClaim(doc, s))
            return (null, null);
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            var w = doc.Tokens[i].Lower;
            if (Array.IndexOf(ClaimCues, w) >= 0)
                return (AttributionCertainty.Claimed, w);
        }
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            var w = doc.Tokens[i].Lower;
            if (Array.IndexOf(SuspectCues, w) >= 0)
                return (AttributionCertainty.Suspected, w);
        }
        return (null, null);
    }

    private static bool HasNoClaim(TextDocument doc, Sentence s)
    {
        for (var i = s.FirstToken; i + 1 < s.EndToken; i++)
        {
            var w = doc.Tokens[i].Lower;
            if (w is "no" or "not" or "nobody" && Enumerable.Range(i + 1, Math.Min(4, s.EndToken - i - 1)).Any(k => doc.Tokens[k].Lower is "claimed" or "claim"))
                return true;
        }
        return false;
    }
}
