namespace Vigil.Application.Datasets;

/// <summary>
/// An analyst's change to a dataset's description and declared coverage, as text from the command line or a JSON body.
/// A null member leaves that field as it is; a list given replaces the list (an empty one clears it). Field names are
/// the JSON names, which <see cref="Vigil.Domain.Errors.FieldException"/>s from <see cref="DatasetRegistry.Edit"/> use.
/// </summary>
public sealed record DatasetEdit
{
    /// <summary>How surfaces name it; not empty.</summary>
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Citation { get; init; }

    /// <summary>Not empty: "not stated" when the dataset states none.</summary>
    public string? Licence { get; init; }

    /// <summary>Whether its rows may be passed on (false: its aggregates only).</summary>
    public bool? Redistributable { get; init; }

    /// <summary>The first day covered (YYYY-MM-DD, or YYYY-MM / YYYY for their first day); <c>none</c>: the data's first day.</summary>
    public string? From { get; init; }

    /// <summary>The last day covered (YYYY-MM-DD, or YYYY-MM / YYYY for their last day); <c>none</c>: the data's last day.</summary>
    public string? To { get; init; }

    /// <summary>Spans inside the coverage it does not cover, each <c>FROM..TO</c> (inclusive; <c>1993..1993</c> is the year).</summary>
    public IReadOnlyList<string>? Gaps { get; init; }

    /// <summary>The countries it covers (ISO codes become names); empty: the countries of its data.</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>The kinds of event it codes, as Vigil's kebab-case event types; empty: every kind.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }

    /// <summary>In words, what it counts.</summary>
    public string? Kinds { get; init; }

    /// <summary>Figures it does not record at all: <c>killed</c>, <c>injured</c>; empty: it records both.</summary>
    public IReadOnlyList<string>? NotRecorded { get; init; }

    /// <summary>False: a period it alone reaches is partial unless a declared span says otherwise.</summary>
    public bool? Comprehensive { get; init; }

    /// <summary>
    /// The dataset it continues in time (its provisional continuation: UCDP Candidate continues UCDP GED), which brings it
    /// into the default scope after that dataset; <c>none</c>: it continues none.
    /// </summary>
    public string? Continues { get; init; }

    /// <summary>Whether the edit changes nothing at all.</summary>
    public bool IsEmpty => this == new DatasetEdit();
}
