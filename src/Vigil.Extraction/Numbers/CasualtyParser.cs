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
public static partial class CasualtyParser
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
