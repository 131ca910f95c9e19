using Vigil.Domain.Actors;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Incidents;

/// <summary>
/// Says who the words naming a speaker are ("the ISPR", "a police spokesman", "TTP spokesman Muhammad Khurasani", "the
/// group"): a party to the conflict, an official or someone else (docs/method.md, "Who gave a figure"). The first word
/// that names an organisation decides ("police officials" are police, "a spokesman for the Taliban-run police" police,
/// "Taliban government spokesman" the Taliban); a press service or spokesman known by name (ISPR, Umar Media, Amaq,
/// Zabihullah Mujahid) wins over every other word. Words that name no organisation ("officials", "a spokesman") are an
/// official; "the spokesman", "he", "the statement" are the speaker named before; "the group", "the outfit" the group
/// named before.
/// </summary>
public sealed class SpeakerClassifier
{
    public static SpeakerClassifier Bundled { get; } = new();

    /// <summary>The day the Taliban's interim government took power: from then the Afghan state's spokesmen are the Taliban's.</summary>
    public static readonly DateOnly TalibanGovernmentFrom = new(2021, 8, 15);

    private static readonly HashSet<string> Military = new(StringComparer.Ordinal)
    {
        "military", "military's", "army", "army's", "troops", "defence", "defense", "frontier", "fc", "paramilitary",
    };

    private static readonly HashSet<string> OfficialWords = new(StringComparer.Ordinal)
    {
        "police", "police's", "policeman", "policemen", "cop", "cops", "constable", "sho", "dpo", "ssp", "ctd", "levies",
        "hospital", "hospitals", "doctor", "doctors", "medic", "medics", "medical", "health", "rescue", "rescuers", "1122",
        "edhi", "ambulance",
    };

    private static readonly HashSet<string> OtherWords = new(StringComparer.Ordinal)
    {
        "resident", "residents", "witness", "witnesses", "villager", "villagers", "relative", "relatives", "elders", "locals",
        "source", "sources", "eyewitness", "eyewitnesses",
    };

    private static readonly HashSet<string> WeakOfficial = new(StringComparer.Ordinal)
    {
        "official", "officials", "officer", "officers", "government", "minister", "ministry", "administration", "commissioner",
        "authorities", "governor", "spokesman", "spokesperson", "spokeswoman", "tehsildar", "magistrate",
    };

    private static readonly HashSet<string> GroupAnaphora = new(StringComparer.Ordinal)
    {
        "group", "outfit", "organisation", "organization", "militants", "insurgents",
    };

    private static readonly HashSet<string> Anaphora = new(StringComparer.Ordinal)
    {
        "he", "she", "it", "they", "spokesman", "spokesperson", "statement", "release", "wing",
    };

    /// <summary>The speaker the tokens <paramref name="first"/>..<paramref name="end"/> name, or null when they name none.</summary>
    /// <param name="doc">The text.</param>
    /// <param name="first">The first token of the words naming the speaker.</param>
    /// <param name="end">The token after them.</param>
    /// <param name="named">The groups of the alias table named in the text (<see cref="ActorFinder"/>), in order.</param>
    /// <param name="previous">The speaker named before, for "he", "the spokesman", "the statement".</param>
    /// <param name="lastGroup">The militant group named before, for "the group", "the outfit".</param>
    /// <param name="published">The article's date: from <see cref="TalibanGovernmentFrom"/> the Afghan government is the Taliban's.</param>
    public FigureSpeaker? Classify(TextDocument doc, int first, int end, IReadOnlyList<ActorMention> named, FigureSpeaker? previous, Actor? lastGroup, DateOnly? published)
    {
        while (first < end && (doc.Tokens[first].Kind == TokenKind.Punctuation || doc.Tokens[first].Lower is "and" or "that" or "but" or "while"))
            first++;
        while (end > first && doc.Tokens[end - 1].Kind == TokenKind.Punctuation)
            end--;
        if (first >= end)
            return null;
        var start = doc.Tokens[first].Start;
        var stop = doc.Tokens[end - 1].End;
        var text = doc.Slice(start, stop);
        FigureSpeaker Speaker(SpeakerRole role, string? party = null, PartySide? side = null) => new(text, start, stop, role, party, side);
        var afghanState = published is null || published >= TalibanGovernmentFrom;
        FigureSpeaker Afghan() => afghanState ? Speaker(SpeakerRole.Party, "Afghan Taliban", PartySide.State) : Speaker(SpeakerRole.Party, "Afghan government", PartySide.State);

        if (Known(doc, first, end) is { } known)
            return Speaker(SpeakerRole.Party, known.Party, known.Side);
        var found = named.Where(a => a.FirstToken >= first && a.FirstToken < end).ToList();
        var hasAfghan = false;
        for (var i = first; i < end; i++)
        {
            var w = doc.Tokens[i].Lower;
            if (found.FirstOrDefault(a => a.FirstToken == i) is { } actor)
            {
                return actor.Actor.Name == "Afghan Taliban"
                    ? Speaker(SpeakerRole.Party, "Afghan Taliban", afghanState ? PartySide.State : PartySide.Militant)
                    : Speaker(SpeakerRole.Party, actor.Actor.Name, PartySide.Militant);
            }
            if (found.Any(a => i > a.FirstToken && doc.Tokens[i].Start < a.End))
                continue;
            if (w is "taliban" or "taleban" or "taliban's" || (w == "islamic" && i + 1 < end && doc.Tokens[i + 1].Lower == "emirate"))
                return Speaker(SpeakerRole.Party, "Afghan Taliban", afghanState ? PartySide.State : PartySide.Militant);
            if (w is "afghan" or "afghanistan" or "afghanistan's" or "kabul")
                hasAfghan = true;
            if (Military.Contains(w) || w == "armed" && Next(doc, i, end) == "forces" || w == "security" && Next(doc, i, end) is not null and not "guard" and not "guards")
                return hasAfghan || Rest(doc, i, end).Any(x => x is "afghan" or "afghanistan's") ? Afghan() : Speaker(SpeakerRole.Party, "Pakistani military", PartySide.State);
            if (OfficialWords.Contains(w))
                return Speaker(SpeakerRole.Official);
            if (OtherWords.Contains(w))
                return Speaker(SpeakerRole.Other);
        }
        var words = Enumerable.Range(first, end - first).Select(i => doc.Tokens[i].Lower).ToList();
        if (words.Any(GroupAnaphora.Contains))
            return lastGroup is null ? Speaker(SpeakerRole.Party, "militant group", PartySide.Militant) : Speaker(SpeakerRole.Party, lastGroup.Name, PartySide.Militant);
        var definite = words[0] is "the" or "its" or "his" or "he" or "she" or "it" or "they";
        if (definite && previous is not null && words.Any(Anaphora.Contains) && !words.Any(w => WeakOfficial.Contains(w) && w is not ("spokesman" or "spokesperson")))
            return previous with { Text = text, Start = start, End = stop };
        if (hasAfghan || words.Contains("interim"))
            return words.Any(WeakOfficial.Contains) ? Afghan() : Speaker(SpeakerRole.Other);
        if (words.Any(WeakOfficial.Contains))
            return Speaker(SpeakerRole.Official);
        // A person or body the text names without saying what it is.
        return end - first <= 6 && Enumerable.Range(first, end - first).Any(i => doc.Tokens[i].IsWord && char.IsUpper(doc.Text[doc.Tokens[i].Start])
            && doc.Tokens[i].Lower is not ("the" or "a" or "an" or "in" or "on" or "at" or "this" or "it" or "he" or "she" or "they"))
            ? Speaker(SpeakerRole.Other) : null;
    }

    private static (string Party, PartySide Side)? Known(TextDocument doc, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            var w = doc.Tokens[i].Lower;
            var next = Next(doc, i, end);
            if (w is "ispr" or "inter-services" || (w == "inter" && next == "services"))
                return ("ISPR", PartySide.State);
            if (w == "umar" && next == "media")
                return ("Umar Media", PartySide.Militant);
            if (w == "amaq")
                return ("ISKP", PartySide.Militant);
            if (w is "zabihullah" or "mujahid")
                return ("Zabihullah Mujahid", PartySide.State);
            // "the military's media wing", "the media wing of the army", "the armed forces' media affairs wing".
            if (w == "media" && next is "wing" or "affairs" or "cell" && Rest(doc, first, end).Any(x => x is "military" or "military's" or "army" or "army's" or "armed"))
                return ("ISPR", PartySide.State);
        }
        return null;
    }

    private static string? Next(TextDocument doc, int i, int end) => i + 1 < end ? doc.Tokens[i + 1].Lower : null;

    private static IEnumerable<string> Rest(TextDocument doc, int from, int end)
    {
        for (var i = from; i < end; i++)
            yield return doc.Tokens[i].Lower;
    }
}
