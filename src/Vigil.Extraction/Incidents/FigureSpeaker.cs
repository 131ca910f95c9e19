using Vigil.Extraction.Numbers;

namespace Vigil.Extraction.Incidents;

/// <summary>What kind of speaker gave a figure (docs/method.md, "Who gave a figure").</summary>
public enum SpeakerRole
{
    /// <summary>A party to the conflict: a state's armed forces or their press service, a government that fights (the Taliban's), a militant group, its spokesman or media wing. Its figure is a claim.</summary>
    Party,

    /// <summary>Police, hospitals, rescue services, local administration, a civil government's officials, unnamed "officials": a reported figure.</summary>
    Official,

    /// <summary>Anyone else named as the source: residents, witnesses, "sources", a person the text does not place. A reported figure.</summary>
    Other,
}

/// <summary>Which side of the conflict a party is on.</summary>
public enum PartySide
{
    /// <summary>A state: its armed forces, their press service, a government that is a party (the Taliban's interim government).</summary>
    State,

    /// <summary>A militant group, its spokesman or its media wing.</summary>
    Militant,
}

/// <summary>
/// Who a casualty figure is attributed to: the speaker of the clause that gives it ("ISPR said", "according to police",
/// "the TTP claimed"), its words and span in the text, its role, and — for a party — the name Vigil records its claim
/// under (<see cref="Party"/>: "ISPR", "Pakistani military", "Zabihullah Mujahid", "Afghan Taliban", a group's name from
/// the alias table) and its side. A pronoun or "the group" takes the speaker or group named before it.
/// </summary>
public sealed record FigureSpeaker(string Text, int Start, int End, SpeakerRole Role, string? Party = null, PartySide? Side = null)
{
    public bool IsParty => Role == SpeakerRole.Party;
}

/// <summary>
/// The figures an article relays from one party to the conflict: its killed and injured (chosen among the party's
/// figures as the article's own are), and the speaker as the text names it. Never the article's own figure.
/// </summary>
public sealed record PartyFigure(string Party, PartySide? Side, FigureSpeaker Speaker, CasualtyMention? Killed, CasualtyMention? Injured);
