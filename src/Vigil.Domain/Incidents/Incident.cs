using System.Collections.Immutable;
using Vigil.Domain.Sources;

namespace Vigil.Domain.Incidents;

/// <summary>
/// One act of violence as Vigil records it.
/// <para><see cref="Id"/> is stable: assigned once by the store, never reused, kept through edits and merges
/// (0 until stored). <see cref="Revision"/> counts the changes (1 after creation) and is what optimistic
/// concurrency compares.</para>
/// <para><see cref="Killed"/> counts all deaths the source reports; whether the perpetrators' own dead are in
/// it is <see cref="PerpetratorsIncluded"/> (null: the source does not say).</para>
/// </summary>
public sealed record Incident
{
    public long Id { get; init; }
    public int Revision { get; init; }

    /// <summary>Where the record came from; null for incidents entered by hand.</summary>
    public SourceRecordKey? SourceRecord { get; init; }

    public required IncidentDate Date { get; init; }
    public Place Place { get; init; } = Place.Unknown;

    public EventType EventType { get; init; } = EventType.Other;
    /// <summary>A finer type in Vigil's words ("US drone strike", "landmine"), free text.</summary>
    public string? EventSubtype { get; init; }
    /// <summary>The dataset's own type, verbatim, prefixed by the scheme ("ucdp:type_of_violence=1").</summary>
    public string? SourceEventType { get; init; }

    /// <summary>
    /// What kind of event this is as analysts count them (militant attack, security operation, clash, other), by the
    /// rule of the source's dataset (<see cref="EventCategories"/>).
    /// </summary>
    public EventCategory Category { get; init; } = EventCategory.Other;

    /// <summary>The attacker, in an attack; null in a clash or an operation, where the parties are <see cref="StateForces"/> and <see cref="ArmedGroup"/>.</summary>
    public ActorRef? Perpetrator { get; init; }
    /// <summary>The target or victims of an attack, as named.</summary>
    public ActorRef? Target { get; init; }
    /// <summary>The state's side of a clash or an operation.</summary>
    public ActorRef? StateForces { get; init; }
    /// <summary>The armed group's side of a clash or an operation (the first named, when two groups fight).</summary>
    public ActorRef? ArmedGroup { get; init; }
    /// <summary>The other side of a clash whose sides are of one kind: a second state, or a second armed group.</summary>
    public ActorRef? OtherParty { get; init; }
    /// <summary>Whether the attackers were suicide attackers; null when the source does not say.</summary>
    public bool? Suicide { get; init; }
    /// <summary>The main weapon; null when the source does not say.</summary>
    public Weapon? Weapon { get; init; }
    public TargetType? TargetType { get; init; }
    public string? TargetTypeRaw { get; init; }
    public AttributionCertainty? Attribution { get; init; }

    public CasualtyCount Killed { get; init; } = CasualtyCount.Unknown;
    public CasualtyCount Injured { get; init; } = CasualtyCount.Unknown;
    public CasualtyBreakdown? KilledBreakdown { get; init; }
    public bool? PerpetratorsIncluded { get; init; }

    public ImmutableArray<SourceReference> Sources { get; init; } = [];

    /// <summary>
    /// How well the incident is sourced: an analyst's <see cref="GradeOverride"/>, else derived by the store from the
    /// sources and the registry when the incident is written (<see cref="IncidentGrading"/>); null until stored.
    /// </summary>
    public IncidentGrade? Grade { get; init; }
    /// <summary>An analyst's grade, which stands over the derived one; <see cref="GradeReason"/> says why.</summary>
    public IncidentGrade? GradeOverride { get; init; }
    public string? GradeReason { get; init; }
    /// <summary>Whether credible sources disagree on the figures (<see cref="FigureRule.Disagree"/>); derived on write.</summary>
    public bool Contested { get; init; }
    public string? Notes { get; init; }
    public QualityFlags Flags { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>When the incident was deleted; deleted incidents are kept, hidden from lists.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>The flags the casualty figures themselves imply (inconsistent ranges).</summary>
    public static QualityFlags CasualtyFlags(CasualtyCount killed, CasualtyCount injured)
    {
        var flags = QualityFlags.None;
        if (killed.Low > killed.Best) flags |= QualityFlags.KilledLowAboveBest;
        if (killed.Best > killed.High) flags |= QualityFlags.KilledBestAboveHigh;
        if (injured.Low > injured.Best) flags |= QualityFlags.InjuredLowAboveBest;
        if (injured.Best > injured.High) flags |= QualityFlags.InjuredBestAboveHigh;
        if ((killed.Best is null && killed.Low > killed.High) || (injured.Best is null && injured.Low > injured.High))
            flags |= QualityFlags.LowAboveHigh;
        return flags;
    }
}
