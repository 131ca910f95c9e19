using Vigil.Domain.Datasets;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Application.Scopes;

/// <summary>
/// A scope as Vigil applies it: the store query (its datasets in order of precedence), the datasets it covers, what
/// they cover, and whether the datasets were the database's primary one because none was asked for. Every surface
/// prints <see cref="Label"/> beside its figures.
/// </summary>
public sealed record Scope(IncidentQuery Query, IReadOnlyList<Dataset> Datasets, Coverage Coverage, bool Defaulted)
{
    /// <summary>
    /// What the scope's names stand for where a reader could take them otherwise: a place that is no unit of today's
    /// map ("Former FATA: ... (Bajaur, ...)"), what "attacks" counts in these datasets.
    /// </summary>
    public IReadOnlyList<string> Remarks { get; init; } = [];

    /// <summary>Everything a reader must know about the scope besides its label: the datasets' notes, then the remarks.</summary>
    public IReadOnlyList<string> Notes => [.. Coverage.Notes, .. Remarks];

    /// <summary>The past moment the scope's figures are as of (read from the revision history); null: the data as it is now.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>
    /// "UCDP GED", "UCDP GED + PBC suicide attacks, linked" (an event two of them record is counted once); with
    /// ", as of 2026-03-31 00:00 UTC" when the figures are the data as it was then.
    /// </summary>
    public string Label => (Datasets.Count switch
    {
        0 => "no datasets",
        1 => Datasets[0].Title,
        _ => string.Join(" + ", Datasets.Select(d => d.Title)) + ", linked",
    }) + AsOfLabel;

    /// <summary>", as of 2026-03-31 00:00 UTC", or nothing for the data as it is now.</summary>
    public string AsOfLabel => AsOf is { } at ? ", as of " + Domain.Time.Moment.Label(at) : "";

    /// <summary>The label and how the datasets were chosen: "UCDP GED (the primary dataset; choose others with --dataset)".</summary>
    public string Describe(string chooseWith) => Defaulted && Datasets.Count > 0
        ? $"{Label} (the primary dataset{(Datasets.Count > 1 ? " and the release that continues it" : "")}; choose others with {chooseWith})"
        : Label;

    /// <summary>
    /// The countries counted: those the scope names ("Pakistan"), or every country its datasets cover, said so
    /// ("every country the datasets cover: Afghanistan, Pakistan").
    /// </summary>
    public string CountriesLabel => Query.Countries.Count > 0
        ? string.Join(", ", Query.Countries)
        : Datasets.SelectMany(d => d.Coverage.Countries).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } covered
            ? $"every country the datasets cover: {string.Join(", ", covered)}"
            : "every country in the data";

    /// <summary>The citations the scope's datasets ask for, in its order.</summary>
    public IReadOnlyList<string> Citations => [.. Datasets.Where(d => d.Citation.Length > 0).Select(d => d.Citation)];

    /// <summary>The same scope narrowed to another query (a period, a breakdown key) over the same datasets.</summary>
    public Scope With(IncidentQuery query) => this with { Query = query with { Datasets = Query.Datasets } };
}
