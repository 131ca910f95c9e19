namespace Vigil.Domain.Datasets;

/// <summary>
/// A dataset in the database: a published dataset (UCDP GED, a PBC file, GTD, ACLED), a Vigil file, or the team's own
/// records (news reports and manual entry, <see cref="DatasetNames.Own"/>). Every figure is computed over a scope of
/// datasets and names them; the citation and licence follow the figure.
/// </summary>
public sealed record Dataset
{
    /// <summary>The key incidents carry (<c>ucdp-ged</c>, <c>pbc-suicide</c>, <c>own</c>).</summary>
    public required string Name { get; init; }

    /// <summary>How surfaces name it ("UCDP GED").</summary>
    public required string Title { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The wording its terms ask for, cited wherever its figures appear.</summary>
    public string Citation { get; init; } = "";

    public string Licence { get; init; } = "not stated";

    /// <summary>
    /// False when the licence forbids passing its rows on (ACLED, GTD): viewers and anonymous readers then get its
    /// aggregates, never its rows.
    /// </summary>
    public bool Redistributable { get; init; } = true;

    public DatasetCoverage Coverage { get; init; } = new();

    /// <summary>The dataset figures use when no scope names one.</summary>
    public bool Primary { get; init; }

    /// <summary>The order datasets were added in (the first is primary until someone sets another).</summary>
    public int Position { get; init; }

    /// <summary>How many incidents it holds (not deleted).</summary>
    public long Incidents { get; init; }
}
