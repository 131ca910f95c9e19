using Vigil.Domain.Incidents;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Incidents;

/// <summary>
/// Who or what was attacked, from people nouns and places of worship, schools and the like. Militants count as
/// targets only in operations, strikes and clashes (elsewhere "gunmen" and "militants" are the attackers).
/// A people noun that is the speaker ("officials said", "according to police", "a police spokesman told") is
/// attribution, not a target.
/// </summary>
public static class TargetFinder
{
    private static readonly Dictionary<string, TargetType> Things = new(StringComparer.Ordinal)
    {
        ["checkpost"] = TargetType.SecurityForces,
        ["checkpoint"] = TargetType.SecurityForces,
        ["convoy"] = TargetType.SecurityForces,
        ["camp"] = TargetType.SecurityForces,
        ["cantonment"] = TargetType.SecurityForces,
        ["army"] = TargetType.SecurityForces,
        ["station"] = TargetType.Police,
        ["mosque"] = TargetType.Worshippers,
        ["imambargah"] = TargetType.Worshippers,
        ["church"] = TargetType.Worshippers,
        ["shrine"] = TargetType.Worshippers,
        ["temple"] = TargetType.Worshippers,
        ["school"] = TargetType.Education,
        ["university"] = TargetType.Education,
        ["college"] = TargetType.Education,
        ["market"] = TargetType.Civilians,
        ["bazaar"] = TargetType.Civilians,
        ["rally"] = TargetType.Civilians,
        ["foreigners"] = TargetType.Foreigners,
        ["chinese"] = TargetType.Foreigners,
        ["pipeline"] = TargetType.Infrastructure,
        ["tower"] = TargetType.Infrastructure,
        ["pylon"] = TargetType.Infrastructure,
        ["bridge"] = TargetType.Infrastructure,
    };

    public static List<Spanned<TargetType>> Find(TextDocument doc, EventType? type, int firstToken = 0, int endToken = -1)
    {
        var tokens = doc.Tokens;
        if (endToken < 0)
            endToken = tokens.Count;
        var militantsAreTargets = type is EventType.SecurityOperation or EventType.AirOrDroneStrike or EventType.ArmedClash;
        var seen = new HashSet<TargetType>();
        var list = new List<Spanned<TargetType>>();
        for (var i = firstToken; i < endToken && list.Count < 12; i++)
        {
            var w = tokens[i].Lower;
            TargetType t;
            if (w == "station" && !(i > 0 && tokens[i - 1].Is("police")))
                continue;
            if (Things.TryGetValue(w, out var thing))
                t = thing;
            else if (CasualtyWords.People.TryGetValue(w, out var who) && w is not ("others" or "member" or "members" or "commander" or "commanders" or "gunman" or "gunmen" or "attacker" or "attackers" or "bomber" or "bombers" or "assailant" or "assailants" or "raider" or "raiders"))
                t = who;
            else
                continue;
            if (t == TargetType.Militants && !militantsAreTargets)
                continue;
            if (IsSpeaker(tokens, i, endToken))
                continue;
            if (seen.Add(t))
                list.Add(new Spanned<TargetType>(t, tokens[i].Start, tokens[i].End, doc.Slice(tokens[i].Start, tokens[i].End)));
        }
        return list;
    }

    // "officials said", "police officials told Dawn", "according to local officials", "a police spokesman said"
    private static bool IsSpeaker(List<Token> tokens, int i, int endToken)
    {
        var k = i + 1;
        while (k < endToken && k < i + 3 && tokens[k].Lower is "spokesman" or "spokesperson" or "official" or "officials" or "sources" or "source" or "officer" or "officers")
            k++;
        if (k < endToken && CasualtyWords.SpeechVerbs.Contains(tokens[k].Lower))
            return true;
        if (k + 1 < endToken && tokens[k].Lower is "have" or "has" or "had" && CasualtyWords.SpeechVerbs.Contains(tokens[k + 1].Lower))
            return true;
        for (var b = i - 1; b >= Math.Max(0, i - 4); b--)
        {
            if (tokens[b].Is("to") && b > 0 && tokens[b - 1].Is("according"))
                return true;
            if (!tokens[b].IsWord)
                break;
        }
        return false;
    }
}
