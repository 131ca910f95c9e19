using Vigil.Domain.Actors;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Incidents;

/// <summary>
/// Finds who gives each casualty figure of a text (docs/method.md, "Who gave a figure"). A sentence's reporting clauses
/// are found first: a speaker and a verb of saying ("X said", "X told", "X claimed that", "said X", "according to X", ",
/// saying"), each reaching forward over what it reports — up to a clause boundary (";", ", but", ", while", "whereas") or
/// the next speaker — and, when nothing it reports follows it (", police said."), back over the clause before it. A figure
/// takes the innermost clause that reaches it forward ("officials said the TTP claimed 25": the TTP), else the nearest
/// one that reaches it back. "Claimed responsibility", "claimed the attack" and "claimed the lives of" report no figure.
/// A figure no clause reaches, or one in another sentence, has no speaker: it is the article's.
/// </summary>
public sealed class FigureAttribution(SpeakerClassifier speakers)
{
    public static FigureAttribution Bundled { get; } = new(SpeakerClassifier.Bundled);

    private const int MaxSpeakerTokens = 14;

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "told", "tells", "claimed", "claims", "claim", "added", "stated", "confirmed", "announced",
        "reported", "alleged", "insisted", "maintained", "disclosed", "revealed", "tweeted", "posted",
    };

    private static readonly HashSet<string> Participles = new(StringComparer.Ordinal) { "saying", "claiming", "adding", "alleging", "stating" };

    // "claimed responsibility", "claimed the attack", "claimed the lives of": not a figure reported.
    private static readonly HashSet<string> NotReported = new(StringComparer.Ordinal)
    {
        "responsibility", "credit", "ownership", "the", "a", "an", "lives", "life", "this", "its", "their", "his", "by",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "this", "its", "their", "his" };

    /// <summary>
    /// "claimed responsibility", "claimed the lives of", "claimed the bombing, which killed ...": a claim of an attack, not
    /// of a figure; but "claimed the strikes had killed 46" reports one (a verb follows in the same clause).
    /// </summary>
    private static bool ClaimsNoFigure(TextDocument doc, int verb, int end)
    {
        if (verb + 1 >= end || !NotReported.Contains(doc.Tokens[verb + 1].Lower))
            return false;
        if (!Determiners.Contains(doc.Tokens[verb + 1].Lower) || (verb + 2 < end && doc.Tokens[verb + 2].Lower is "lives" or "life"))
            return true;
        for (var i = verb + 2; i < Math.Min(end, verb + 12); i++)
        {
            var w = doc.Tokens[i].Lower;
            if (w is "," or ";" or "." or "which" or "that" or "who" || (w == "in" && i + 1 < end && doc.Tokens[i + 1].Lower == "which"))
                return true;
            if (w is "had" or "has" or "have" or "were" or "was" or "killed" or "left" or "died" or "wounded" or "injured")
                return false;
        }
        return true;
    }

    private static readonly HashSet<string> SpeakerStops = new(StringComparer.Ordinal)
    {
        "while", "but", "whereas", "although", "though", "that", "as", "when", "after", "however",
    };

    private sealed record Frame(FigureSpeaker Speaker, int Verb, int ForwardEnd, int BackStart, int BackEnd);

    /// <summary>Each mention with its speaker (null when no clause reaches it).</summary>
    /// <param name="doc">The text.</param>
    /// <param name="mentions">Its casualty figures.</param>
    /// <param name="named">The actors of the alias table named in it (<see cref="ActorFinder.Find"/>), in order.</param>
    /// <param name="published">Its publication date (the Afghan government's spokesmen are the Taliban's from 15 August 2021).</param>
    public List<CasualtyMention> Attribute(TextDocument doc, IReadOnlyList<CasualtyMention> mentions, IReadOnlyList<ActorMention> named, DateOnly? published)
    {
        var frames = Frames(doc, named, published);
        var tokens = mentions.Select(m => TokenAt(doc, m.Start)).ToList();
        bool Forward(Frame f, int t) => f.Verb < t && t < f.ForwardEnd;
        // A clause reaches back only when it reports no figure after its verb (", police said.").
        var backward = frames.Where(f => !tokens.Any(t => Forward(f, t))).ToList();
        var result = new List<CasualtyMention>(mentions.Count);
        for (var k = 0; k < mentions.Count; k++)
        {
            var t = tokens[k];
            var forward = frames.Where(f => Forward(f, t)).MaxBy(f => f.Verb);
            var back = forward is null ? backward.Where(f => f.BackStart <= t && t < f.BackEnd).MinBy(f => f.BackEnd) : null;
            result.Add(mentions[k] with { Speaker = (forward ?? back)?.Speaker });
        }
        return result;
    }

    private List<Frame> Frames(TextDocument doc, IReadOnlyList<ActorMention> named, DateOnly? published)
    {
        var frames = new List<Frame>();
        FigureSpeaker? previous = null;
        var groups = named.Where(a => a.Actor.Kind == ActorKind.Militant).ToList();
        foreach (var s in doc.Sentences)
        {
            var inSentence = new List<(FigureSpeaker Speaker, int Verb, int SpeakerFirst, bool After)>();
            for (var i = s.FirstToken; i < s.EndToken; i++)
            {
                var w = doc.Tokens[i].Lower;
                (int First, int End, bool After)? span = null;
                if (w == "according" && i + 1 < s.EndToken && doc.Tokens[i + 1].Lower == "to")
                    span = (i + 2, ClauseEnd(doc, i + 2, s.EndToken, stopAtComma: true), true);
                else if (Verbs.Contains(w) && !(w.StartsWith("claim", StringComparison.Ordinal) && ClaimsNoFigure(doc, i, s.EndToken)))
                    span = SpeakerOf(doc, s, i);
                else if (Participles.Contains(w) && i > s.FirstToken && doc.Tokens[i - 1].Lower == ",")
                {
                    // "..., a Levies official said, adding that ...": the speaker of the clause before; "The TTP gave a
                    // higher toll, saying ...": the subject of the clause.
                    if (inSentence.Count > 0)
                    {
                        inSentence.Add((inSentence[^1].Speaker, i, i, false));
                        continue;
                    }
                    span = (ClauseStart(doc, s.FirstToken, i - 1), i - 1, false);
                }
                if (span is not { } sp || speakers.Classify(doc, sp.First, sp.End, named, previous, groups.LastOrDefault(g => g.FirstToken < i)?.Actor, published) is not { } speaker)
                    continue;
                previous = speaker;
                var verb = w == "according" ? sp.End - 1 : i;
                inSentence.Add((speaker, verb, sp.After ? i : sp.First, sp.After));
            }
            for (var k = 0; k < inSentence.Count; k++)
            {
                var (speaker, verb, speakerFirst, _) = inSentence[k];
                var nextSpeaker = k + 1 < inSentence.Count ? inSentence[k + 1].SpeakerFirst : s.EndToken;
                var forwardEnd = Math.Min(Boundary(doc, verb + 1, s.EndToken), Math.Max(nextSpeaker, verb + 1));
                var backEnd = speakerFirst;
                var backStart = ClauseStart(doc, s.FirstToken, backEnd);
                frames.Add(new Frame(speaker, verb, forwardEnd, backStart, backEnd));
            }
        }
        return frames;
    }

    /// <summary>The speaker of a verb of saying: the words before it back to a clause start ("the ISPR said"), or after it ("said the ISPR").</summary>
    private static (int, int, bool)? SpeakerOf(TextDocument doc, Sentence s, int verb)
    {
        var first = verb;
        while (first > s.FirstToken && verb - first < MaxSpeakerTokens)
        {
            var w = doc.Tokens[first - 1].Lower;
            // "a police officer said the Jamaat-ul-Ahrar had claimed": the speaker ends at the verb of the clause above.
            if (w is "," or ";" or ":" or "\"" or "“" or "”" or "(" or "—" || SpeakerStops.Contains(w) || Verbs.Contains(w))
                break;
            first--;
        }
        // "The TTP claimed responsibility and said ...": the subject of the clause.
        if (first < verb && doc.Tokens[verb - 1].Lower == "and")
            return (ClauseStart(doc, s.FirstToken, verb - 1), verb - 1, false);
        if (first < verb)
            return (first, verb, false);
        // "..., said the ISPR" / "said the military's media wing on Tuesday".
        if (verb > s.FirstToken && doc.Tokens[verb - 1].Lower is "," or "\"" or "”")
            return (verb + 1, ClauseEnd(doc, verb + 1, s.EndToken, stopAtComma: true), true);
        return null;
    }

    private static int ClauseStart(TextDocument doc, int sentenceFirst, int before)
    {
        for (var i = before - 1; i >= sentenceFirst; i--)
        {
            var w = doc.Tokens[i].Lower;
            if (w == ";" || (w == "," && i + 1 < before && doc.Tokens[i + 1].Lower is "but" or "while" or "whereas" or "however"))
                return i + 1;
        }
        return sentenceFirst;
    }

    /// <summary>Where what a speaker reports ends: a ";", ", but", ", while", "whereas", or the sentence's end.</summary>
    private static int Boundary(TextDocument doc, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            var w = doc.Tokens[i].Lower;
            if (w == ";" || w == "whereas" || (w == "," && i + 1 < end && doc.Tokens[i + 1].Lower is "but" or "while" or "however"))
                return i;
        }
        return end;
    }

    private static int ClauseEnd(TextDocument doc, int from, int end, bool stopAtComma)
    {
        var limit = Math.Min(end, from + MaxSpeakerTokens);
        for (var i = from; i < limit; i++)
        {
            var w = doc.Tokens[i].Lower;
            if (w is ";" or "." or "\"" or "“" or "”" or "on" or "in" or "yesterday" or "today" or "that" || (stopAtComma && w == ","))
                return i;
        }
        return limit;
    }

    private static int TokenAt(TextDocument doc, int charStart)
    {
        int lo = 0, hi = doc.Tokens.Count - 1, found = doc.Tokens.Count;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (doc.Tokens[mid].End > charStart)
            {
                found = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return found;
    }
}
