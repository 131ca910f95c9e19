using Vigil.Domain.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Incidents;

/// <summary>
/// The event type of a report from cue words, in priority order: a suicide attack that used a bomb is a suicide
/// bombing, not a bombing; an operation in which militants were killed is an operation. The first type in the
/// order with a cue anywhere in the text wins, with that cue as its evidence.
/// </summary>
public static class EventTypeClassifier
{
    private static readonly (EventType Type, string[][] Cues)[] Order =
    [
        (EventType.SuicideBombing, [["suicide"], ["blew", "himself", "up"], ["self-detonated"], ["explosive", "vest"]]),
        (EventType.Kidnapping, [["kidnapped"], ["abducted"], ["kidnapping"], ["abduction"], ["kidnap"], ["hostage"], ["hostages"], ["kidnappers"], ["abductors"]]),
        (EventType.CrossBorderAttack, [["cross-border"], ["across", "the", "border"], ["infiltration"], ["infiltrate"], ["infiltrated"], ["infiltrating"], ["from", "across"], ["border", "post"], ["border", "posts"], ["crossed", "over"], ["crossed", "into"]]),
        (EventType.AirOrDroneStrike, [["drone"], ["airstrike"], ["airstrikes"], ["air", "strike"], ["air", "strikes"], ["jets"], ["aerial"], ["gunship"], ["gunships"]]),
        (EventType.SecurityOperation, [["operation"], ["intelligence-based"], ["ibo"], ["raid"], ["raided"], ["offensive"], ["crackdown"], ["siege"], ["security", "forces", "killed"], ["troops", "killed"], ["cordoned"]]),
        (EventType.Bombing, [["ied"], ["ieds"], ["improvised", "explosive"], ["roadside", "bomb"], ["bomb"], ["bombing"], ["bombs"], ["blast"], ["blasts"], ["explosion"], ["explosions"], ["exploded"], ["explosive"], ["explosives"], ["landmine"], ["grenade"], ["remote-controlled"], ["remote", "control"]]),
        (EventType.TargetedKilling, [["targeted", "killing"], ["target", "killing"], ["shot", "dead"], ["gunned", "down"], ["assassinated"], ["assassination"]]),
        (EventType.ShellingOrArtillery, [["shelling"], ["mortar"], ["mortars"], ["artillery"], ["rocket"], ["rockets"]]),
        (EventType.ArmedClash, [["clash"], ["clashes"], ["exchange", "of", "fire"], ["gunbattle"], ["gun", "battle"], ["firefight"], ["shootout"]]),
        (EventType.ArmedAssault, [["gunmen"], ["armed", "men"], ["opened", "fire"], ["stormed"], ["attacked"], ["ambush"], ["ambushed"], ["assault"], ["firing"], ["gunfire"], ["shot"], ["shooting"], ["attack"]]),
    ];

    public static Spanned<EventType>? Classify(TextDocument doc, int firstToken = 0, int endToken = -1)
    {
        var tokens = doc.Tokens;
        if (endToken < 0)
            endToken = tokens.Count;
        var cueFirst = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = firstToken; i < endToken; i++)
        {
            if (!cueFirst.TryGetValue(tokens[i].Lower, out var at))
                cueFirst[tokens[i].Lower] = at = [];
            if (at.Count < 8)
                at.Add(i);
        }
        foreach (var (type, cues) in Order)
        {
            foreach (var cue in cues)
            {
                if (!cueFirst.TryGetValue(cue[0], out var positions))
                    continue;
                foreach (var p in positions)
                {
                    if (Numbers.QuantityParser.Matches(tokens, p, cue) && p + cue.Length <= endToken)
                    {
                        var start = tokens[p].Start;
                        var end = tokens[p + cue.Length - 1].End;
                        return new Spanned<EventType>(type, start, end, doc.Slice(start, end));
                    }
                }
            }
        }
        return null;
    }
}
