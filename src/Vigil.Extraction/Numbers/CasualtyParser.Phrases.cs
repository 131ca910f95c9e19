using Vigil.Domain.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Numbers;

/// <summary>
/// The phrase grammar of <see cref="CasualtyParser"/>: the elements of a figure (a quantity with its group, a subset, the
/// attackers), the nouns and cue words that close them, the commas that set off a breakdown or an apposition, and how
/// parts are split into a figure with its breakdown. The readers (forward, backward, revisions) are in CasualtyParser.cs.
/// </summary>
public static partial class CasualtyParser
{
    // The closing comma of a breakdown or apposition that starts at <paramref name="i"/>: the first comma the
    // verb follows ("were", "was", a cue); null when there is none before the sentence's end.
    private static int? ClosingComma(List<Token> tokens, int i, int endToken)
    {
        for (var k = i; k < Math.Min(endToken - 1, i + 40); k++)
        {
            if (tokens[k].Lower is "." or ";" or "(" or ")")
                return null;
            if (tokens[k].Is(",") && (tokens[k + 1].Lower is "were" or "was" or "had" or "have" or "has" or "also" || CueAt(tokens, k + 1, endToken) is not null))
                return k;
        }
        return null;
    }

    // The token that ends a subset clause opened at <paramref name="opener"/>: after its closing comma, or
    // (without commas: "6 people including 3 soldiers were killed") at the verb that follows it.
    private static int? SubsetClauseEnd(List<Token> tokens, int opener, int endToken)
    {
        var opensWithComma = opener > 0 && tokens[opener - 1].Is(",");
        if (opensWithComma && ClosingComma(tokens, opener + 1, endToken) is { } verbComma)
            return verbComma + 1;
        for (var k = opener + 1; k < Math.Min(endToken, opener + 40); k++)
        {
            if (tokens[k].Lower is "." or ";")
                return null;
            if (opensWithComma && tokens[k].Is(","))
                return k + 1;
            // "killed 15 soldiers including a commander and wounded 9 others": the verb belongs to another figure.
            if (!opensWithComma && tokens[k].Is("and") && k + 1 < endToken && (CueAt(tokens, k + 1, endToken) is not null || CasualtyWords.VerbsBefore.ContainsKey(tokens[k + 1].Lower)))
                return null;
            if (!opensWithComma && (tokens[k].Lower is "were" or "was" || CueAt(tokens, k, endToken) is not null))
                return k;
        }
        return null;
    }

    // The victims' figure and, beside it, the attackers' ("32 people and 3 suicide bombers were killed").
    private static Found Split(TextDocument doc, CasualtyKind kind, List<ElementFound> parts, int start, int end, int next, bool includesAttackers)
    {
        var victims = parts.Where(p => !p.Attackers).ToList();
        var attackers = parts.Where(p => p.Attackers).ToList();
        var mentions = new List<CasualtyMention>();
        if (victims.Count > 0)
            mentions.Add(Make(doc, kind, Sum(victims.ConvertAll(p => p.Quantity)), start, end, false, Groups(victims)) with { IncludesPerpetrators = includesAttackers });
        if (attackers.Count > 0)
            mentions.Add(Make(doc, kind, Sum(attackers.ConvertAll(p => p.Quantity)), start, end, false, Groups(attackers)) with { Perpetrators = true });
        return new Found(mentions[0], next) { Mentions = mentions };
    }

    private static List<(TargetType, long)> Groups(List<ElementFound> parts) =>
        [.. parts.Where(p => p.Group is not null).Select(p => (p.Group!.Value, p.Quantity.Best ?? p.Quantity.Low ?? 0))];

    // Subset: "132 of them children", a part of a figure already given. Attackers: the people counted are the
    // attackers ("3 suicide bombers", "one of the two gunmen").
    private readonly record struct ElementFound(Quantity Quantity, TargetType? Group, int End, bool Subset = false, bool Attackers = false);

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
                    return new ElementFound(new Quantity(1, 1, 1, 1, Domain.Claims.ValueQualifier.Exactly, "singular", i, k + 1), CasualtyWords.People[tokens[k].Lower], k + 1,
                        Attackers: CasualtyWords.Attackers.Contains(tokens[k].Lower));
                if (!tokens[k].IsWord || CasualtyWords.Blockers.Contains(tokens[k].Lower) || IsCueWord(tokens[k].Lower) || CasualtyWords.People.ContainsKey(tokens[k].Lower))
                    break;
            }
        }
        // "another trader", "a constable was killed and another injured"
        if (tokens[i].Is("another") && i + 1 < endToken)
        {
            if (CasualtyWords.IsSingularPerson(tokens[i + 1].Lower))
                return new ElementFound(new Quantity(1, 1, 1, 1, Domain.Claims.ValueQualifier.Exactly, "singular", i, i + 2), CasualtyWords.People[tokens[i + 1].Lower], i + 2,
                    Attackers: CasualtyWords.Attackers.Contains(tokens[i + 1].Lower));
            if (tokens[i + 1].Lower is "was" || CasualtyWords.KilledCues.Contains(tokens[i + 1].Lower) || CasualtyWords.InjuredCues.Contains(tokens[i + 1].Lower))
                return new ElementFound(new Quantity(1, 1, 1, 1, Domain.Claims.ValueQualifier.Exactly, "another", i, i + 1), null, i + 1);
        }
        // "another 9", "a further 12", "all four", "a combined 9", "a total of 7"
        var start = i;
        if (tokens[i].Lower is "another" or "all" or "further" or "additional")
            start = i + 1;
        else if (tokens[i].Lower is "a" or "an" && i + 1 < endToken && tokens[i + 1].Lower is "further" or "additional" or "combined")
            start = i + 2;
        else if (IsTotalOf(tokens, i, endToken))
            start = i + 3;
        if (QuantityParser.TryParse(tokens, start) is not { } q || q.EndToken > endToken)
            return null;
        if (first >= 0 && Excluded(tokens, i))
            return null;
        var end = q.EndToken;
        // "one of the two gunmen": one, of the gunmen; "132 of them children": a part of a figure given before.
        if (end + 1 < endToken && tokens[end].Is("of"))
        {
            if (tokens[end + 1].Lower is "them" or "whom" or "those")
                return new ElementFound(q, null, end + 2, Subset: true);
            var k = tokens[end + 1].Is("the") ? end + 2 : end + 1;
            if (QuantityParser.Cardinal(tokens, k) is { } whole && Noun(tokens, whole.End, endToken) is { } n)
                return new ElementFound(q, n.Group, n.End, Attackers: n.Attackers);
        }
        if (Noun(tokens, end, endToken) is { } noun)
            return new ElementFound(q, noun.Group, noun.End, Attackers: noun.Attackers);
        return new ElementFound(q, null, end);
    }

    private static bool IsTotalOf(List<Token> tokens, int i, int endToken) =>
        i + 2 < endToken && tokens[i].Is("a") && tokens[i + 1].Is("total") && tokens[i + 2].Is("of");

    // Adjectives and a people noun: "three FC soldiers", "two innocent civilians", "13 militants", "3 suicide bombers".
    private static (TargetType Group, int End, bool Attackers)? Noun(List<Token> tokens, int end, int endToken)
    {
        for (var k = end; k < Math.Min(endToken, end + 3); k++)
        {
            if (IsQuote(tokens[k]))
                continue;
            if (CasualtyWords.People.TryGetValue(tokens[k].Lower, out var group))
                return (group, k + 1, CasualtyWords.Attackers.Contains(tokens[k].Lower));
            if (tokens[k].Kind != TokenKind.Word || CasualtyWords.Blockers.Contains(tokens[k].Lower) || IsCueWord(tokens[k].Lower))
                break;
        }
        return null;
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
        // "stabbed to death", "beaten to death", "burnt to death"
        if (j + 2 < endToken && tokens[j + 1].Is("to") && tokens[j + 2].Is("death") && w is "stabbed" or "beaten" or "hacked" or "burnt" or "burned" or "crushed" or "lynched" or "tortured" or "bludgeoned" or "shot")
            return new Cue(CasualtyKind.Killed, j + 3);
        if (w == "embraced" && j + 1 < endToken && tokens[j + 1].Is("martyrdom"))
            return new Cue(CasualtyKind.Killed, j + 2);
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
        // "sustained serious injuries", "received multiple gunshot wounds"
        if (w is "received" or "sustained" or "suffered")
        {
            for (var k = j + 1; k < Math.Min(endToken, j + 5); k++)
            {
                if (tokens[k].Lower is "injuries" or "wounds" or "injury" or "wound")
                    return new Cue(CasualtyKind.Injured, k + 1);
                if (!tokens[k].IsWord && !tokens[k].Is("-"))
                    break;
            }
        }
        return null;
    }
}
