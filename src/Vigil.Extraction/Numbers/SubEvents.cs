using Vigil.Extraction.Text;

namespace Vigil.Extraction.Numbers;

/// <summary>
/// Several attacks in one report. A sentence that opens another attack ("In a separate attack", "In another
/// incident", "Meanwhile", "Elsewhere", "The second blast") starts a new sub-event; the figures of different
/// sub-events are added unless the text states the total ("in all", "altogether", "a total of", "the two
/// attacks"), which is then taken as it is. A sentence that refers back to "the attack" opens nothing: it
/// restates a figure already given.
/// </summary>
internal static class SubEvents
{
    private static readonly HashSet<string> EventNouns = new(StringComparer.Ordinal)
    {
        "attack", "attacks", "incident", "blast", "explosion", "bombing", "ambush", "raid", "assault", "strike", "gunfight", "encounter",
        "clash", "shootout", "firing", "operation",
    };

    /// <summary>The number of sub-event openings up to the character <paramref name="start"/>: 0 for the first sub-event.</summary>
    public static int SegmentOf(TextDocument doc, int start)
    {
        var segment = 0;
        foreach (var s in doc.Sentences)
        {
            if (s.Start > start)
                break;
            if (s.FirstToken > 0 && OpensSubEvent(doc, s))
                segment++;
        }
        return segment;
    }

    private static bool OpensSubEvent(TextDocument doc, Sentence s)
    {
        var tokens = doc.Tokens;
        // "Meanwhile, the prime minister condemned the attack that killed 12": a sentence that refers back to
        // "the attack" restates the figure of one already reported.
        for (var i = s.FirstToken; i + 1 < s.EndToken; i++)
        {
            if (tokens[i].Lower is "the" or "this" or "that" && EventNouns.Contains(tokens[i + 1].Lower))
                return false;
        }
        for (var i = s.FirstToken; i < Math.Min(s.EndToken, s.FirstToken + 6); i++)
        {
            var w = tokens[i].Lower;
            if (w is "separate" or "separately" or "meanwhile" or "elsewhere")
                return true;
            if (w is "another" or "second" or "third" or "later" && i + 1 < s.EndToken && (EventNouns.Contains(tokens[i + 1].Lower)
                || i + 2 < s.EndToken && EventNouns.Contains(tokens[i + 2].Lower)))
                return true;
        }
        return false;
    }

    /// <summary>Whether the figure's sentence calls it the total of the report's sub-events.</summary>
    public static bool StatesTotal(TextDocument doc, CasualtyMention m)
    {
        var sentence = doc.Sentences.FirstOrDefault(s => s.Start <= m.Start && m.Start < s.End);
        var tokens = doc.Tokens;
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            var w = tokens[i].Lower;
            if (w is "altogether" or "overall" or "combined" or "total" or "collectively")
                return true;
            if (w == "in" && i + 1 < sentence.EndToken && tokens[i + 1].Is("all"))
                return true;
            // "in the two attacks", "in both blasts", "the twin bombings"
            if (w is "both" or "twin" or "two" or "three" or "these" && i + 1 < sentence.EndToken && EventNouns.Contains(tokens[i + 1].Lower) && tokens[i + 1].Lower.EndsWith('s'))
                return true;
        }
        return false;
    }

    /// <summary>One figure for the report: the sub-events' figures added, the rule naming each.</summary>
    public static CasualtyMention Add(CasualtyKind kind, List<CasualtyMention> parts)
    {
        long? Sum(Func<CasualtyMention, long?> f) => parts.All(p => f(p) is not null) ? parts.Sum(p => f(p)!.Value) : null;
        var best = Sum(p => p.Best);
        return new CasualtyMention(kind, Sum(p => p.Low), best, Sum(p => p.High), string.Join(" + ", parts.Select(p => p.Phrase)),
            "sum-of-sub-events:" + string.Join('+', parts.Select(p => p.Rule)), parts[0].Start, parts[^1].End, false,
            [.. parts.SelectMany(p => p.Groups)], best ?? 0);
    }
}
