using Vigil.Domain.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Numbers;

/// <summary>
/// Finds killed and injured figures in a text. Three shapes are read:
/// <list type="bullet">
/// <item>number, up to four words, then a cue: "at least 12 people were killed", "134 people lost their lives",
/// "254 received injuries", "three soldiers and a civilian were martyred" (the parts are added).</item>
/// <item>a verb, then the number: "the blast killed 13 militants", "killing five and wounding 12".</item>
/// <item>a revision: "the death toll rose to 59" — it replaces earlier figures; it is not added to them.</item>
/// </list>
/// A number is not a casualty figure when a blocking noun follows it ("158 deaths and 16,000 displaced": the
/// 16,000 belong to "displaced"), when it is part of a word ("25-year-old"), or follows "aged" or a month.
/// </summary>
public static class CasualtyParser
{
    private const int LookAhead = 6;

    public static List<CasualtyMention> Find(TextDocument doc) => Find(doc, 0, doc.Tokens.Count);

    public static List<CasualtyMention> Find(TextDocument doc, int firstToken, int endToken)
    {
        var tokens = doc.Tokens;
        var found = new List<CasualtyMention>();
        var i = firstToken;
        while (i < endToken)
        {
            if (Revision(doc, i, endToken) is { } revision)
            {
                found.Add(revision.Mention);
                i = revision.End;
                continue;
            }
            if (Forward(doc, i, endToken) is { } forward)
            {
                found.Add(forward.Mention);
                i = forward.End;
                continue;
            }
            if (Backward(doc, i, endToken) is { } backward)
            {
                found.Add(backward.Mention);
                i = backward.End;
                continue;
            }
            i++;
        }
        return found;
    }

    /// <summary>The document's killed and injured figures: the last revision if there is one, else the largest figure (exact ones before vague).</summary>
    public static (CasualtyMention? Killed, CasualtyMention? Injured) Totals(IEnumerable<CasualtyMention> mentions)
    {
        var list = mentions.ToList();
        return (Pick(list, CasualtyKind.Killed), Pick(list, CasualtyKind.Injured));
    }

    private static CasualtyMention? Pick(List<CasualtyMention> all, CasualtyKind kind)
    {
        var ofKind = all.Where(m => m.Kind == kind).ToList();
        if (ofKind.Count == 0)
            return null;
        if (ofKind.LastOrDefault(m => m.IsRevision) is { } revised)
            return revised;
        var exact = ofKind.Where(m => !m.Rule.StartsWith("vague:", StringComparison.Ordinal)).ToList();
        var pool = exact.Count > 0 ? exact : ofKind;
        return pool.OrderByDescending(m => m.Best ?? m.Low ?? m.High ?? 0).First();
    }

    private readonly record struct Found(CasualtyMention Mention, int End);

    // "death toll rose to 59", "toll climbed to 30", "the toll reached 12"
    private static Found? Revision(TextDocument doc, int i, int endToken)
    {
        var tokens = doc.Tokens;
        if (!tokens[i].Is("toll"))
            return null;
        var kind = i > 0 && tokens[i - 1].Lower is "injury" or "injured" ? CasualtyKind.Injured : CasualtyKind.Killed;
        var start = i > 0 && tokens[i - 1].Lower is "death" or "injury" or "injured" ? i - 1 : i;
        for (var j = i + 1; j < Math.Min(endToken, i + 10); j++)
        {
            var w = tokens[j].Lower;
            if (w is "rose" or "risen" or "rises" or "climbed" or "climbs" or "jumped" or "increased" or "mounted" or "reached" or "reaches" or "touched" or "stood" or "stands")
            {
                var k = j + 1;
                if (k < endToken && tokens[k].Lower is "to" or "at")
                    k++;
                if (QuantityParser.TryParse(tokens, k) is { } q && q.EndToken <= endToken)
                {
                    var revises = w is not ("stood" or "stands");
                    return new Found(Make(doc, kind, q, tokens[start].Start, tokens[q.EndToken - 1].End, revises, []), q.EndToken);
                }
                return null;
            }
        }
        return null;
    }

    private static Found? Forward(TextDocument doc, int i, int endToken)
    {
        var tokens = doc.Tokens;
        var groups = new List<(TargetType, long)>();
        var parts = new List<Quantity>();
        var j = i;
        while (true)
        {
            if (Element(tokens, j, endToken, parts.Count == 0 ? i : -1) is not { } element)
                return null;
            parts.Add(element.Quantity);
            if (element.Group is { } g)
                groups.Add((g, element.Quantity.Best ?? element.Quantity.Low ?? 0));
            j = element.End;
            // Fillers up to a cue, or a conjunction to the next part ("three soldiers and two civilians").
            var words = 0;
            while (j < endToken && words < LookAhead)
            {
                var t = tokens[j];
                if (CueAt(tokens, j, endToken) is { } cue)
                {
                    if (IsYearLike(tokens, parts[0]) && element.Group is null && words == 0 && parts.Count == 1)
                        return null;
                    var q = Sum(parts);
                    return new Found(Make(doc, cue.Kind, q, tokens[i].Start, tokens[cue.End - 1].End, false, groups), cue.End);
                }
                if (t.Lower is "and" or "," && element.Group is not null && Element(tokens, j + 1, endToken, -1) is not null)
                    break;
                if (IsQuote(t))
                {
                    j++;
                    continue;
                }
                // ", including two women," / ", among them 12 students,"
                if (t.Is(",") && j + 1 < endToken && tokens[j + 1].Lower is "including" or "among" or "mostly" or "all")
                {
                    var close = j + 2;
                    while (close < Math.Min(endToken, j + 9) && !tokens[close].Is(","))
                        close++;
                    if (close < endToken && tokens[close].Is(","))
                    {
                        j = close + 1;
                        continue;
                    }
                }
                // "two civilians gunned down"
                if (t.Is("gunned") && j + 1 < endToken && tokens[j + 1].Is("down"))
                {
                    var q2 = Sum(parts);
                    return new Found(Make(doc, CasualtyKind.Killed, q2, tokens[i].Start, tokens[j + 1].End, false, groups), j + 2);
                }
                if (t.Kind != TokenKind.Word || CasualtyWords.Blockers.Contains(t.Lower) || t.Lower is "and" or "or" or "but")
                    return null;
                words++;
                j++;
            }
            if (j >= endToken || words >= LookAhead || tokens[j].Lower is not ("and" or ","))
                return null;
            j++;
        }
    }

    private readonly record struct ElementFound(Quantity Quantity, TargetType? Group, int End);

    // One counted part: a quantity optionally followed by a people noun, or "a"/"an" + a singular people noun.
    private static ElementFound? Element(List<Token> tokens, int i, int endToken, int first)
    {
        if (i >= endToken)
            return null;
        if (tokens[i].Lower is "a" or "an")
        {
            // "a policeman", "a prominent cleric", "a 25-year-old shopkeeper"
            for (var k = i + 1; k < Math.Min(endToken, i + 4); k++)
            {
                if (CasualtyWords.IsSingularPerson(tokens[k].Lower))
                    return new ElementFound(new Quantity(1, 1, 1, 1, Domain.Claims.ValueQualifier.Exactly, "singular", i, k + 1), CasualtyWords.People[tokens[k].Lower], k + 1);
                if (!tokens[k].IsWord || CasualtyWords.Blockers.Contains(tokens[k].Lower) || IsCueWord(tokens[k].Lower) || CasualtyWords.People.ContainsKey(tokens[k].Lower))
                    break;
            }
        }
        if (QuantityParser.TryParse(tokens, i) is not { } q || q.EndToken > endToken)
            return null;
        if (first >= 0 && Excluded(tokens, i))
            return null;
        var end = q.EndToken;
        // Adjectives and a people noun: "three FC soldiers", "two innocent civilians", "13 militants".
        for (var k = end; k < Math.Min(endToken, end + 3); k++)
        {
            if (IsQuote(tokens[k]))
                continue;
            if (CasualtyWords.People.TryGetValue(tokens[k].Lower, out var group))
                return new ElementFound(q, group, k + 1);
            if (tokens[k].Kind != TokenKind.Word || CasualtyWords.Blockers.Contains(tokens[k].Lower) || IsCueWord(tokens[k].Lower))
                break;
        }
        return new ElementFound(q, null, end);
    }

    private static bool IsQuote(Token t) => t.Kind == TokenKind.Punctuation && t.Lower is "'" or "\"" or "‘" or "’" or "“" or "”";

    private static bool IsCueWord(string w) =>
        CasualtyWords.KilledCues.Contains(w) || CasualtyWords.InjuredCues.Contains(w) || w is "and" or "or" or "were" or "was" or "lost" or "received" or "sustained";

    private static bool Excluded(List<Token> tokens, int i)
    {
        if (i == 0)
            return false;
        var prev = tokens[i - 1].Lower;
        return prev is "aged" or "age" or "ages" or "no" or "number" or "no." or "#" or "rs" or "rs." or "pkr" || CasualtyWords.Months.Contains(prev);
    }

    private static bool IsYearLike(List<Token> tokens, Quantity q) =>
        q.EndToken - q.FirstToken == 1 && tokens[q.FirstToken].Kind == TokenKind.Number && tokens[q.FirstToken].Length == 4 && q.Value is >= 1900 and <= 2100;

    private readonly record struct Cue(CasualtyKind Kind, int End);

    private static Cue? CueAt(List<Token> tokens, int j, int endToken)
    {
        var w = tokens[j].Lower;
        if (CasualtyWords.KilledCues.Contains(w))
            return new Cue(CasualtyKind.Killed, j + 1);
        if (CasualtyWords.InjuredCues.Contains(w))
            return new Cue(CasualtyKind.Injured, j + 1);
        // "lost their lives", "lost lives"
        if (w == "lost" && j + 1 < endToken)
        {
            if (tokens[j + 1].Lower is "lives" or "life")
                return new Cue(CasualtyKind.Killed, j + 2);
            if (j + 2 < endToken && tokens[j + 1].Lower is "their" or "his" or "her" && tokens[j + 2].Lower is "lives" or "life")
                return new Cue(CasualtyKind.Killed, j + 3);
        }
        // "received injuries", "sustained wounds"
        if (w is "received" or "sustained" or "suffered" && j + 1 < endToken && tokens[j + 1].Lower is "injuries" or "wounds" or "injury")
            return new Cue(CasualtyKind.Injured, j + 2);
        if (w is "received" or "sustained" or "suffered" && j + 2 < endToken && tokens[j + 2].Lower is "injuries" or "wounds" && tokens[j + 1].IsWord)
            return new Cue(CasualtyKind.Injured, j + 3);
        return null;
    }

    private static Found? Backward(TextDocument doc, int i, int endToken)
    {
        var tokens = doc.Tokens;
        if (i == 0)
            return null;
        CasualtyKind kind;
        int verbStart;
        var prev = tokens[i - 1].Lower;
        if (CasualtyWords.VerbsBefore.TryGetValue(prev, out var k))
        {
            kind = k;
            verbStart = i - 1;
        }
        else if (i >= 2 && (tokens[i - 2].Lower, prev) is ("gun", "down") or ("gunned", "down") or ("shot", "dead") or ("shoot", "dead") or ("guns", "down"))
        {
            kind = CasualtyKind.Killed;
            verbStart = i - 2;
        }
        else if (i >= 2 && prev == "of" && tokens[i - 2].Lower is "death" or "deaths" or "killing" or "killings" or "bodies")
        {
            kind = CasualtyKind.Killed;
            verbStart = i - 2;
        }
        else if (i >= 4 && prev == "of" && tokens[i - 2].Is("lives") && tokens[i - 3].Is("the") && tokens[i - 4].Lower is "claimed" or "claiming" or "took" or "taking")
        {
            kind = CasualtyKind.Killed;
            verbStart = i - 4;
        }
        else
        {
            return null;
        }
        if (Element(doc.Tokens, i, endToken, i) is not { } element)
            return null;
        var parts = new List<Quantity> { element.Quantity };
        var groups = new List<(TargetType, long)>();
        if (element.Group is { } g)
            groups.Add((g, element.Quantity.Best ?? 0));
        var end = element.End;
        if (element.Group is null && IsYearLike(tokens, element.Quantity))
            return null;
        // A number right before a blocking noun is not people: "killed 3 days ago".
        if (end < endToken && CasualtyWords.Blockers.Contains(tokens[end].Lower) && tokens[end].Lower is not ("in" or "at" or "on" or "near" or "after" or "from" or "during" or "by" or "since" or "for" or "with" or "when" or "while" or "as"))
            return null;
        // "killing three soldiers and two civilians"
        while (end + 1 < endToken && tokens[end].Lower is "and" or "," && Element(tokens, end + 1, endToken, -1) is { Group: not null } more)
        {
            parts.Add(more.Quantity);
            groups.Add((more.Group!.Value, more.Quantity.Best ?? 0));
            end = more.End;
        }
        var q = Sum(parts);
        return new Found(Make(doc, kind, q, tokens[verbStart].Start, tokens[end - 1].End, false, groups), end);
    }

    private static Quantity Sum(List<Quantity> parts)
    {
        if (parts.Count == 1)
            return parts[0];
        long? Add(Func<Quantity, long?> f) => parts.All(p => f(p) is not null) ? parts.Sum(p => f(p)!.Value) : null;
        var low = Add(p => p.Low);
        var best = Add(p => p.Best);
        var high = Add(p => p.High);
        return new Quantity(low, best, high, best ?? low ?? 0, Domain.Claims.ValueQualifier.Exactly,
            "sum:" + string.Join('+', parts.Select(p => p.Rule)), parts[0].FirstToken, parts[^1].EndToken);
    }

    private static CasualtyMention Make(TextDocument doc, CasualtyKind kind, Quantity q, int start, int end, bool revision, List<(TargetType, long)> groups) =>
        new(kind, q.Low, q.Best, q.High, doc.Slice(start, end), revision ? "revision:" + q.Rule : q.Rule, start, end, revision, groups, q.Value, q.Qualifier);
}
