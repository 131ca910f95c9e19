namespace Vigil.Application.Sources;

/// <summary>
/// An analyst's values for a registry entry, as text (the command line's options, the API's JSON members): only what is
/// given changes on an edit; an add needs a name and a type. Field names are the API's (<c>party_side</c>).
/// </summary>
public sealed record SourceEdit
{
    public string? Name { get; init; }
    /// <summary>Other names reports give the source; replaces the list when given.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }
    /// <summary>party, independent-media, ngo, official-statistics, dataset.</summary>
    public string? Type { get; init; }
    /// <summary>A party's side ("Pakistan (state)", "TTP"); empty text clears it.</summary>
    public string? PartySide { get; init; }
    /// <summary>A–F.</summary>
    public string? Reliability { get; init; }
    /// <summary>Why it is graded so; empty text clears it.</summary>
    public string? Notes { get; init; }

    public bool IsEmpty => Name is null && Aliases is null && Type is null && PartySide is null && Reliability is null && Notes is null;
}
