using Vigil.Extraction.Text;

namespace Vigil.Extraction.Numbers;

/// <summary>
/// The toll of a text from the figures <see cref="CasualtyParser"/> found in it: which killed and injured figure stands
/// for the whole (a revision, a stated total, the sub-events added, else the largest), and the attackers' own deaths
/// apart.
/// </summary>
public static class CasualtyTotals
{
    /// <summary>
    /// The document's killed and injured figures, attackers' deaths left out: the last revision if there is one,
    /// else the largest figure (exact ones before vague). With the document, also: a figure the text calls the
    /// total ("in all", "altogether", "a total of", "in the two attacks") wins; and when the text reports
    /// several sub-events ("in a separate attack", "meanwhile", "elsewhere") without a total, the sub-events'
    /// figures are added (rule <c>sum-of-sub-events:...</c>).
    /// </summary>
    public static (CasualtyMention? Killed, CasualtyMention? Injured) Of(IEnumerable<CasualtyMention> mentions, TextDocument? doc = null)
    {
        var list = mentions.Where(m => !m.Perpetrators).ToList();
        return (Pick(list, CasualtyKind.Killed, doc), Pick(list, CasualtyKind.Injured, doc));
    }

    /// <summary>The attackers' own deaths stated in the text (the largest such figure), never part of the toll.</summary>
    public static CasualtyMention? PerpetratorsKilled(IEnumerable<CasualtyMention> mentions) =>
        mentions.Where(m => m.Perpetrators && m.Kind == CasualtyKind.Killed)
            .OrderByDescending(m => m.Best ?? m.Low ?? 0).FirstOrDefault();

    private static CasualtyMention? Pick(List<CasualtyMention> all, CasualtyKind kind, TextDocument? doc)
    {
        var ofKind = all.Where(m => m.Kind == kind).ToList();
        if (ofKind.Count == 0)
            return null;
        if (ofKind.LastOrDefault(m => m.IsRevision) is { } revised)
            return revised;
        if (doc is not null)
        {
            var totals = ofKind.Where(m => SubEvents.StatesTotal(doc, m)).ToList();
            if (totals.Count > 0)
            {
                var total = Largest(totals);
                return total with { Rule = "stated-total:" + total.Rule };
            }
            var segments = ofKind.GroupBy(m => SubEvents.SegmentOf(doc, m.Start)).ToList();
            if (segments.Count > 1)
                return SubEvents.Add(kind, [.. segments.Select(g => Largest([.. g]))]);
        }
        return Largest(ofKind);
    }

    private static CasualtyMention Largest(List<CasualtyMention> ofKind)
    {
        var exact = ofKind.Where(m => !m.Rule.StartsWith("vague:", StringComparison.Ordinal)).ToList();
        var pool = exact.Count > 0 ? exact : ofKind;
        return pool.OrderByDescending(m => m.Best ?? m.Low ?? m.High ?? 0).First();
    }
}
