using Vigil.Storage;

namespace Vigil.Application.Scopes;

/// <summary>
/// Which incidents a list, figure, map, report or export covers, as a person gives it: the command line's options,
/// the API's query parameters and the dashboard's form fields all fill this one record, and
/// <see cref="ScopeParser"/> turns it into a store query. Dates are inclusive and by start date; names may be any
/// spelling Vigil knows. Field names are the API's (<c>from</c>, <c>min_killed</c>); each adapter shows them its way.
/// </summary>
public sealed record ScopeInput
{
    /// <summary>First start date: YYYY-MM-DD, YYYY-MM or YYYY (the first day of it).</summary>
    public string? From { get; init; }

    /// <summary>Last start date: YYYY-MM-DD, YYYY-MM or YYYY (the last day of it).</summary>
    public string? To { get; init; }

    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Provinces { get; init; } = [];
    public IReadOnlyList<string> Districts { get; init; } = [];

    /// <summary>Regions reported apart (former-fata, kp-mainland), each its list of today's districts.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Perpetrator or target, by any alias.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];

    /// <summary>Event categories: militant-attack, security-operation, armed-clash, other.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Only suicide attacks ("yes") or only attacks the source says were not ("no").</summary>
    public string? Suicide { get; init; }

    /// <summary>Main weapons: explosives, firearms, aerial, artillery, incendiary, melee, chemical, other.</summary>
    public IReadOnlyList<string> Weapons { get; init; } = [];

    /// <summary>Target types in Vigil's kebab-case names (security-forces, police, civilians, ...).</summary>
    public IReadOnlyList<string> TargetTypes { get; init; } = [];

    /// <summary>Event types in Vigil's kebab-case names.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Dataset names (ucdp-ged, pbc-suicide, ...).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    /// <summary>Only incidents whose best estimate of killed is at least this (unknown never matches).</summary>
    public int? MinKilled { get; init; }

    /// <summary>Only incidents whose best estimate of killed is at most this (unknown never matches: it is not zero).</summary>
    public int? MaxKilled { get; init; }

    /// <summary>
    /// A full-text search (<c>q</c>) over place names, notes and sources (names, headlines, addresses): words all
    /// found, "quoted phrases", a prefix ending in <c>*</c> (<see cref="TextSearch"/>). Blank is no search.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// Which sources killed and injured count: <c>independent</c> (the default: party claims left out), <c>all</c>
    /// (independent first, the range spanning party claims too) or <c>party</c> (party claims alone).
    /// </summary>
    public string? Sources { get; init; }

    /// <summary>Only incidents graded at least this: discounted, contested, weak, fair or confirmed.</summary>
    public string? MinGrade { get; init; }
}
