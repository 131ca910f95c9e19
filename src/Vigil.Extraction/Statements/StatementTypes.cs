using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Statements;

/// <summary>
/// A delegation visit or talks: who went (and from which country), where, when, with whom, and the topics
/// named — in the sentence of the visit and in later sentences that say what "the two sides discussed".
/// </summary>
public sealed record Engagement(
    Spanned<string> Who,
    string? WhoCountry,
    PlaceMention? Where,
    Spanned<IncidentDate>? When,
    Spanned<string>? Counterpart,
    IReadOnlyList<Spanned<string>> Topics,
    int Start,
    int End);

public enum BorderEventKind
{
    Closure,
    Reopening,
}

/// <summary>
/// A crossing closed or reopened. <see cref="When"/> is the date the text gives; "recent" with no date is the
/// 30 days before publication (precision range, rule "recent"); null when the text says nothing of when.
/// </summary>
public sealed record BorderEvent(BorderEventKind Kind, PlaceMention Crossing, Spanned<string> Cue, Spanned<IncidentDate>? When, string? WhenRule);

/// <summary>
/// A promise or assurance: who gave it (the words and the actor they resolve to), to whom, what (when stated;
/// else the topics of the engagement it was given in), and any hedge the text puts on it ("it remains to be
/// seen if ...").
/// </summary>
public sealed record Commitment(
    Spanned<string> Cue,
    Spanned<string>? Giver,
    string? GiverActor,
    string? Recipient,
    Spanned<string>? Content,
    IReadOnlyList<string> About,
    string? Hedge,
    int Start,
    int End);
