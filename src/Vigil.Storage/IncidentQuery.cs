using Vigil.Domain.Sources;

namespace Vigil.Storage;

/// <summary>
/// A filter over incidents, with order and paging. Dates are inclusive and compare against the incident's
/// start date. Names match Vigil's normalised values case-insensitively; an actor matches any party (perpetrator,
/// target, state forces, armed group, the other side), canonical or raw.
/// </summary>
public sealed record IncidentQuery
{
    public static readonly IncidentQuery All = new();

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Provinces { get; init; } = [];
    public IReadOnlyList<string> Districts { get; init; } = [];
    /// <summary>
    /// The districts of the regions and former provinces the scope names (former FATA): an incident is in the scope's
    /// places when its province is one of <see cref="Provinces"/> OR its district one of these.
    /// </summary>
    public IReadOnlyList<string> AreaDistricts { get; init; } = [];
    public IReadOnlyList<string> Actors { get; init; } = [];
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    public IReadOnlyList<string> Datasets { get; init; } = [];
    /// <summary>Only incidents whose perpetrator (canonical or raw) is one of these; unlike <see cref="Actors"/>, targets do not match.</summary>
    public IReadOnlyList<string> Perpetrators { get; init; } = [];
    /// <summary>Event categories in Vigil's kebab-case names ("militant-attack", "security-operation").</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>Only suicide attacks (true), only attacks the source says were not (false); null: no condition.</summary>
    public bool? Suicide { get; init; }
    /// <summary>Main weapons in Vigil's kebab-case names ("explosives", "firearms").</summary>
    public IReadOnlyList<string> Weapons { get; init; } = [];
    /// <summary>Only incidents whose non-state party (the perpetrator of an attack, or the armed group of a clash or an operation, or a second group) is one of these, canonical or raw.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
    /// <summary>Target types in Vigil's kebab-case names ("security-forces", "civilians").</summary>
    public IReadOnlyList<string> TargetTypes { get; init; } = [];
    /// <summary>Only incidents whose best killed estimate is at least this (unknown counts never match).</summary>
    public int? MinKilled { get; init; }
    /// <summary>Only incidents whose best killed estimate is at most this (unknown counts never match: not known is not zero).</summary>
    public int? MaxKilled { get; init; }
    /// <summary>
    /// Only incidents whose place names, notes or sources (names, headlines, addresses) contain every term of the
    /// search, through the database's full-text index.
    /// </summary>
    public TextSearch? Text { get; init; }
    public bool IncludeDeleted { get; init; }

    /// <summary>
    /// Which sources killed and injured count (<see cref="SourceScope"/>): independent (the default, the incidents' own
    /// figures), all credible sources, or party claims alone. It changes figures, never which incidents are in scope.
    /// </summary>
    public SourceScope Sources { get; init; } = SourceScope.Independent;

    /// <summary>Only incidents graded at least this (worst to best: discounted, contested, weak, fair, confirmed); null: any.</summary>
    public IncidentGrade? MinGrade { get; init; }

    /// <summary>
    /// Keyset paging: only incidents after this (start date, id) in the query's order (date or id sort).
    /// Unlike an offset, its cost does not grow with how deep the page is.
    /// </summary>
    public (DateOnly Date, long Id)? After { get; init; }

    public IncidentSort Sort { get; init; } = IncidentSort.Date;
    public bool Descending { get; init; }
    public int? Limit { get; init; }
    public int Offset { get; init; }
}

public enum IncidentSort
{
    Date,
    Killed,
    Injured,
    Id,
}
