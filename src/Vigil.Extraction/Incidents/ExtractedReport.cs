using Vigil.Domain.Incidents;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Incidents;

/// <summary>
/// What one article says about one attack, each value with its evidence span in the article's text. Null is
/// "the text does not say", never zero. <see cref="Killed"/> and <see cref="Injured"/> are the article's figures
/// (the last revision, else a stated total, else the sub-events' sum, else the largest); <see cref="Casualties"/>
/// lists every figure found. Killed counts the victims the text says died; the attackers' own deaths stated
/// apart ("3 suicide bombers", "the attackers were also killed") are <see cref="PerpetratorsKilled"/>, never in
/// <see cref="Killed"/> beside a victims' figure. When the attackers are the only dead the text reports ("attack
/// foiled, two suicide bombers dead"), Killed is their figure and <see cref="PerpetratorsIncluded"/> is true.
/// <para>A figure the text gives as a party's ("ISPR said 12 terrorists were killed", "the TTP claimed 25") is never the
/// article's own: it is in <see cref="PartyClaims"/>, one entry per party, and Killed and Injured are read from the
/// other figures alone (docs/method.md, "Who gave a figure").</para>
/// </summary>
public sealed record ExtractedReport
{
    public required string ArticleId { get; init; }
    public DateOnly? Published { get; init; }
    public string? Source { get; init; }
    public Spanned<IncidentDate>? Date { get; init; }
    public string? DateRule { get; init; }
    public PlaceMention? Place { get; init; }
    public Spanned<EventType>? EventType { get; init; }
    public Spanned<Perpetrator>? Perpetrator { get; init; }
    public IReadOnlyList<Spanned<TargetType>> Targets { get; init; } = [];
    public CasualtyMention? Killed { get; init; }
    public CasualtyMention? Injured { get; init; }

    /// <summary>The attackers' own deaths the text states (null: it states none).</summary>
    public CasualtyMention? PerpetratorsKilled { get; init; }

    /// <summary>
    /// Whether <see cref="Killed"/> counts the attackers: true when the text says so ("including the bomber") or
    /// when they are the only dead, false when it counts them apart from the victims, null when it does not say.
    /// </summary>
    public bool? PerpetratorsIncluded { get; init; }
    public IReadOnlyList<CasualtyMention> Casualties { get; init; } = [];

    /// <summary>The figures the article relays from parties to the conflict, one entry per party.</summary>
    public IReadOnlyList<PartyFigure> PartyClaims { get; init; } = [];

    /// <summary>
    /// Killed as the text gives it, whoever gave it: the article's own figure, else the lower median of the parties'
    /// (the best of <c>FigureRule</c>'s "all" scope). What the text reports, for deciding whether it reports a toll.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public CasualtyMention? KilledAsRead => Killed ?? LowerMedian(PartyClaims.Select(c => c.Killed));

    /// <summary>Injured as the text gives it, whoever gave it (as <see cref="KilledAsRead"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public CasualtyMention? InjuredAsRead => Injured ?? LowerMedian(PartyClaims.Select(c => c.Injured));

    private static CasualtyMention? LowerMedian(IEnumerable<CasualtyMention?> figures)
    {
        var known = figures.Where(f => f?.Best is not null).Select(f => f!).OrderBy(f => f.Best).ToList();
        return known.Count == 0 ? null : known[(known.Count - 1) / 2];
    }
}
