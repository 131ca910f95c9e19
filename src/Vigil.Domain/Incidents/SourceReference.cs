using System.Text.Json.Serialization;
using Vigil.Domain.Sources;

namespace Vigil.Domain.Incidents;

/// <summary>
/// A report an incident rests on: the outlet or office, when it said it (<see cref="Published"/>), its headline and
/// link, and — when the report gives them — its own figures. Each source keeps what it said; the incident's figure
/// follows <see cref="FigureRule"/> over them.
/// <para><see cref="PartyClaim"/> marks what a party to the conflict said (a state's press service, a group's media
/// wing, an interim government's spokesman): kept, shown apart, and left out of the default figures.
/// <see cref="Credibility"/> is the report's own credibility, 1 (confirmed) to 6 (cannot be judged), null when not
/// rated; <see cref="SourceKey"/> the registry entry it refers to.</para>
/// </summary>
public sealed record SourceReference(string? Name, DateOnly? Published, string? Headline, string? Url)
{
    /// <summary>Killed as this source reported it; null when it gave no figure.</summary>
    public CasualtyCount? Killed { get; init; }

    /// <summary>Injured as this source reported it; null when it gave no figure.</summary>
    public CasualtyCount? Injured { get; init; }

    /// <summary>Killed by side as this source reported it.</summary>
    public CasualtyBreakdown? KilledBreakdown { get; init; }

    /// <summary>The registry entry this source is (its key, <see cref="SourceEntry.Key"/>); null when not registered.</summary>
    public string? SourceKey { get; init; }

    /// <summary>The kind of source, as the registry had it when the report was added (or as given).</summary>
    public SourceType? Kind { get; init; }

    /// <summary>The report's credibility, 1–6 (1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged).</summary>
    public int? Credibility
    {
        get => field;
        init => field = value is null or (>= 1 and <= 6) ? value : throw new ArgumentOutOfRangeException(nameof(Credibility), value, "a report's credibility is 1 to 6");
    }

    /// <summary>Whether this is a claim by a party to the conflict.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool PartyClaim { get; init; }

    /// <summary>Whether the source gave any figure.</summary>
    [JsonIgnore]
    public bool HasFigures => Killed is { IsUnknown: false } || Injured is { IsUnknown: false };

    /// <summary>A report counts towards figures unless its credibility is 5 (improbable).</summary>
    [JsonIgnore]
    public bool Credible => Credibility != 5;
}
