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
/// <para>Parts of a figure never add to it: "6 people including 3 soldiers were killed" is 6, "killing 141 people,
/// 132 of them children" is 141, and a list set off after a whole ("10 others, 5 police officers and 5 civilians,
/// injured") is its breakdown. A subset clause belongs to the figure before it and starts none of its own:
/// in "killing 97, including 29 children and over 200 others were injured" the 29 children are among the 97
/// dead and the injured are the 200+ others (201), not 229 or 230.</para>
/// <para>Attackers' deaths (bombers, gunmen, assailants, "the attackers were also killed", "one of the two
/// gunmen") are mentions marked <see cref="CasualtyMention.Perpetrators"/>: recorded beside the toll, never
/// chosen as it nor added to it.</para>
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
            if (SubsetEnd(tokens, i, endToken) is { } skip)
            {
                i = skip;
                continue;
            }
            if (UnnumberedAttackers(doc, i, endToken) is { } attackers)
            {
                found.Add(attackers.Mention);
                i = attackers.End;
                continue;
            }
            if (OneNamedVictim(doc, i, endToken) is { } one)
            {
                found.Add(one.Mention);
                i = one.End;
                continue;
            }
            if (Revision(doc, i, endToken) is { } revision)
            {
                found.Add(revision.Mention);
                i = revision.End;
                continue;
            }
            // "wounding another six before he was shot dead": a number right after its verb is that verb's.
            // ("One killed two wounded": the two have their own verb right after them.)
            if (i > 0 && CasualtyWords.VerbsBefore.ContainsKey(tokens[i - 1].Lower) && !HasOwnVerb(tokens, i, endToken) && Backward(doc, i, endToken) is { } direct)
            {
                found.AddRange(direct.Mentions);
                i = direct.End;
                continue;
            }
            if (Forward(doc, i, endToken) is { } forward)
            {
                found.AddRange(forward.Mentions);
                i = forward.End;
                continue;
            }
            if (Backward(doc, i, endToken) is { } backward)
            {
                found.AddRange(backward.Mentions);
                i = backward.End;
                continue;
            }
            i++;
        }
        return found;
    }

    private static bool HasOwnVerb(List<Token> tokens, int i, int endToken) =>
        Element(tokens, i, endToken, -1) is { } e && e.End < endToken && (tokens[e.End].Lower is "were" or "was" || CueAt(tokens, e.End, endToken) is not null);

    private readonly record struct Found(CasualtyMention Mention, int End)
    {
        public IReadOnlyList<CasualtyMention> Mentions { get; init; } = [Mention];
    }

    // "including 3 soldiers and 2 policemen": a part of the figure before; skipped, so it is neither added nor
    // taken as a figure of its own. A disjoint group joined to it ("and over 200 others") is not skipped.
    private static int? SubsetEnd(List<Token> tokens, int i, int endToken)
    {
        if (i == 0 || !CasualtyWords.SubsetOpeners.Contains(tokens[i - 1].Lower) && !(i >= 2 && tokens[i - 1].Lower is "them" or "whom" && tokens[i - 2].Lower is "among" or "of"))
            return null;
        if (Element(tokens, i, endToken, -1) is not { } first)
            return null;
        var end = first.End;
        while (end + 1 < endToken && tokens[end].Lower is "and" or "," && Element(tokens, end + 1, endToken, -1) is { Group: not null } more
               && !IsDisjoint(tokens, end + 1, more))
            end = more.End;
        return end;
    }

    // "and over 200 others", "and another 9": a group beside the subset, not in it.
    private static bool IsDisjoint(List<Token> tokens, int first, ElementFound e) =>
        tokens[e.End - 1].Lower is "others" || tokens[first].Lower is "another" or "other";

    // "his clerk sustained critical injuries", "their driver was killed", "the constable was martyred": one
    // person named without a number. Passive or intransitive only: "the policeman killed the attacker" is not.
    private static Found? OneNamedVictim(TextDocument doc, int i, int endToken)
    {
        var tokens = doc.Tokens;
        if (tokens[i].Lower is not ("his" or "her" or "their" or "the"))
            return null;
        var k = i + 1;
        while (k < Math.Min(endToken, i + 3) && tokens[k].IsWord && !CasualtyWords.People.ContainsKey(tokens[k].Lower) && !IsCueWord(tokens[k].Lower))
            k++;
        if (k >= endToken || !CasualtyWords.IsSingularPerson(tokens[k].Lower) || CasualtyWords.Attackers.Contains(tokens[k].Lower)
            || CasualtyWords.People[tokens[k].Lower] == TargetType.Militants || tokens[k].Lower is "other" or "man" or "person")
            return null;
        var j = k + 1;
        var passive = false;
        while (j < Math.Min(endToken, k + 4) && tokens[j].Lower is "was" or "also" or "later" or "critically" or "seriously" or "badly" or "slightly" or "too")
        {
            passive |= tokens[j].Is("was");
            j++;
        }
        if (j >= endToken || CueAt(tokens, j, endToken) is not { } cue)
            return null;
        var verb = tokens[j].Lower;
        if (!passive && verb is not ("died" or "sustained" or "received" or "suffered" or "embraced" or "succumbed"))
            return null;
        var q = new Quantity(1, 1, 1, 1, Domain.Claims.ValueQualifier.Exactly, "singular", k, k + 1);
        return new Found(Make(doc, cue.Kind, q, tokens[i].Start, tokens[cue.End - 1].End, false, [(CasualtyWords.People[tokens[k].Lower], 1)]), cue.End);
    }

    // "the attackers were also killed", "both gunmen were shot dead", "the bomber died on the spot".
    private static Found? UnnumberedAttackers(TextDocument doc, int i, int endToken)
    {
        var tokens = doc.Tokens;
        if (tokens[i].Lower is not ("the" or "both" or "all"))
            return null;
        var k = i + 1;
        if (k < endToken && tokens[k].Lower is "the" or "three" or "two" or "four" or "five" or "suicide" or "armed")
            k++;
        if (k < endToken && tokens[k].Lower is "suicide")
            k++;
        if (k >= endToken || !CasualtyWords.Attackers.Contains(tokens[k].Lower))
            return null;
        if (QuantityParser.Cardinal(tokens, i + 1) is not null || QuantityParser.Cardinal(tokens, k - 1) is { } c && c.End == k)
            return null; // numbered: "the two gunmen were killed" is read by the forward shape
        var passive = false;
        for (var j = k + 1; j < Math.Min(endToken, k + 5); j++)
        {
            // "the bomber killed 5 people" is the bomber killing, not dying.
            if (CueAt(tokens, j, endToken) is { Kind: CasualtyKind.Killed } cue && (passive || tokens[j].Lower is "died" or "dead" or "perished"))
            {
                var singular = !tokens[k].Lower.EndsWith('s') && tokens[k].Lower is not "gunmen";
                long? count = singular ? 1 : tokens[i].Lower == "both" ? 2 : null;
                var m = new CasualtyMention(CasualtyKind.Killed, singular ? 1 : 2, count, count, doc.Slice(tokens[i].Start, tokens[cue.End - 1].End),
                    count is null ? "attackers-unnumbered" : "attackers", tokens[i].Start, tokens[cue.End - 1].End, false,
                    [(TargetType.Militants, count ?? 2)], count ?? 2)
                { Perpetrators = true };
                return new Found(m, cue.End);
            }
            passive |= tokens[j].Lower is "were" or "was";
            if (!tokens[j].IsWord || tokens[j].Lower is not ("were" or "was" or "also" or "later" or "subsequently" or "too" or "themselves" or "himself" or "then" or "shot" or "all"))
                return null;
        }
        return null;
    }

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
        var parts = new List<ElementFound>();
        var includesAttackers = false;
        var skippedSubset = false;
        var j = i;
        while (true)
        {
            if (Element(tokens, j, endToken, parts.Count == 0 ? i : -1) is not { } element)
                return null;
            if (element.Subset)
                return null;
            parts.Add(element);
            j = element.End;
            // A noun phrase after a counted people noun may be long ("40 personnel belonging to the Frontier
            // Corps' 7th Wing were killed"); after a bare number it may not.
            var limit = element.Group is null ? LookAhead : LongLookAhead;
            var words = 0;
            while (j < endToken && words < limit)
            {
                var t = tokens[j];
                if (CueAt(tokens, j, endToken) is { } cue)
                {
                    if (IsYearLike(tokens, parts[0].Quantity) && element.Group is null && words == 0 && parts.Count == 1)
                        return null;
                    // "a suicide bomber killed 6 people": the attackers act, they are not counted.
                    if (parts.All(p => p.Attackers) && Element(tokens, cue.End, endToken, -1) is not null)
                        return null;
                    return Split(doc, cue.Kind, parts, tokens[i].Start, tokens[cue.End - 1].End, cue.End, includesAttackers);
                }
                if (t.Lower is "and" or "," && element.Group is not null && Element(tokens, j + 1, endToken, -1) is { Subset: false })
                {
                    // "27 worshippers, including the imam, and 40 others were wounded": the others are a new figure.
                    if (skippedSubset)
                        return null;
                    // "10 others, 5 police officers and 5 civilians, injured": after a whole, a list is its breakdown.
                    if (t.Is(",") && parts.Count == 1 && CasualtyWords.Collective.Contains(tokens[element.End - 1].Lower)
                        && ClosingComma(tokens, j + 1, endToken) is { } close)
                    {
                        j = close + 1;
                        continue;
                    }
                    break;
                }
                // "shot and killed"
                if (t.Is("and") && j > 0 && tokens[j - 1].Is("shot") && j + 1 < endToken && CueAt(tokens, j + 1, endToken) is not null)
                {
                    j++;
                    continue;
                }
                if (IsQuote(t))
                {
                    j++;
                    continue;
                }
                // ", including two women," / ", among them 12 students," / "6 people including 3 soldiers were killed"
                var opener = t.Is(",") && j + 1 < endToken && (CasualtyWords.SubsetOpeners.Contains(tokens[j + 1].Lower) || tokens[j + 1].Lower is "all" or "most" or "among")
                    ? j + 1 : CasualtyWords.SubsetOpeners.Contains(t.Lower) ? j : -1;
                if (opener >= 0 && SubsetClauseEnd(tokens, opener, endToken) is { } after)
                {
                    includesAttackers |= Enumerable.Range(opener, after - opener).Any(k => CasualtyWords.Attackers.Contains(tokens[k].Lower));
                    skippedSubset = true;
                    j = after;
                    continue;
                }
                // An apposition: "six children, aged between five and twelve, who were playing in a field, were killed";
                // "two journalists, one of them a correspondent for a daily, were shot dead".
                if (t.Is(",") && element.Group is not null && parts.Count == 1 && ClosingComma(tokens, j + 1, endToken) is { } shut)
                {
                    j = shut + 1;
                    continue;
                }
                // "two civilians gunned down"
                if (t.Is("gunned") && j + 1 < endToken && tokens[j + 1].Is("down"))
                    return Split(doc, CasualtyKind.Killed, parts, tokens[i].Start, tokens[j + 1].End, j + 2, includesAttackers);
                if (!Filler(tokens, j, element.Group is not null))
                    return null;
                // Articles and the verb "were" do not lengthen a noun phrase.
                if (t.Lower is not ("the" or "a" or "an" or "were" or "was"))
                    words++;
                j++;
            }
            if (j >= endToken || words >= limit || tokens[j].Lower is not ("and" or ",") || skippedSubset)
                return null;
            j++;
        }
    }

    private const int LongLookAhead = 16;

    // A word between a counted noun and its verb. After a people noun, prepositions and names may stand there
    // ("personnel of the Levies force posted in Zhob"), but not a noun that counts something else ("days").
    private static bool Filler(List<Token> tokens, int j, bool afterPeople)
    {
        var t = tokens[j];
        if (t.Lower is "and" or "or" or "but" or "who" or "whom" or "whose" or "which" or "that" or "he" or "she" or "they" or "it")
            return false;
        if (t.Kind == TokenKind.Word)
            return !CasualtyWords.Blockers.Contains(t.Lower) || afterPeople && !CasualtyWords.Statuses.Contains(t.Lower);
        // "the 7th Wing", "Corps'": an ordinal or a possessive mark inside a name
        return afterPeople && (t.Lower is "-" or "'" or "’" || t.Kind == TokenKind.Number && j + 1 < tokens.Count && tokens[j + 1].Lower is "th" or "st" or "nd" or "rd");
    }

    private static bool IsPreposition(string w) =>
        w is "in" or "at" or "on" or "near" or "from" or "by" or "with" or "for" or "during";

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

    private static Found? Backward(TextDocument doc, int i, int endToken)
    {
        var tokens = doc.Tokens;
        if (i == 0)
            return null;
        CasualtyKind kind;
        int verbStart;
        var prev = tokens[i - 1].Lower;
        var lives = false;
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
        // "the wounding of 5 others", "the injuring of two passers-by"
        else if (i >= 2 && prev == "of" && tokens[i - 2].Lower is "wounding" or "injuring" or "injury")
        {
            kind = CasualtyKind.Injured;
            verbStart = i - 2;
        }
        else if (i >= 4 && prev == "of" && tokens[i - 2].Is("lives") && tokens[i - 3].Is("the") && tokens[i - 4].Lower is "claimed" or "claiming" or "took" or "taking")
        {
            kind = CasualtyKind.Killed;
            verbStart = i - 4;
        }
        // "claimed 7 civilians' lives", "took the lives of" is above
        else if (prev is "claimed" or "claiming" or "claims" or "took" or "taking" or "takes")
        {
            kind = CasualtyKind.Killed;
            verbStart = i - 1;
            lives = true;
        }
        else
        {
            return null;
        }
        if (Element(doc.Tokens, i, endToken, i) is not { } element || element.Subset)
            return null;
        var parts = new List<ElementFound> { element };
        var end = element.End;
        if (element.Group is null && IsYearLike(tokens, element.Quantity))
            return null;
        if (lives)
        {
            var l = end;
            if (l < endToken && IsQuote(tokens[l]))
                l++;
            if (l < endToken && tokens[l].Is("s"))
                l++;
            if (l >= endToken || tokens[l].Lower is not ("lives" or "life"))
                return null;
            end = l + 1;
        }
        // A number right before a blocking noun is not people: "killed 3 days ago".
        if (end < endToken && CasualtyWords.Blockers.Contains(tokens[end].Lower) && !IsPreposition(tokens[end].Lower) && tokens[end].Lower is not ("after" or "since" or "when" or "while" or "as"))
            return null;
        // "killing three soldiers and two civilians"; after a whole ("killing 141 people, 132 of them children")
        // what follows a comma is its breakdown, and a part "of them" is never added.
        var whole = CasualtyWords.Collective.Contains(tokens[element.End - 1].Lower);
        while (!lives && end + 1 < endToken && tokens[end].Lower is "and" or "," && !(whole && tokens[end].Is(","))
               && Element(tokens, end + 1, endToken, -1) is { Group: not null, Subset: false } more
               && !(more.End < endToken && CasualtyWords.SpeechVerbs.Contains(tokens[more.End].Lower)))
        {
            parts.Add(more);
            end = more.End;
        }
        return Split(doc, kind, parts, tokens[verbStart].Start, tokens[end - 1].End, end, false);
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
