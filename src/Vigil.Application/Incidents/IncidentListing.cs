using Vigil.Application.Links;
using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Datasets;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;
using Vigil.Storage;

namespace Vigil.Application.Incidents;

/// <summary>
/// Which incidents to list: the scope as given, the order, the page (an offset, or a keyset cursor after a start date
/// and id), whether to read their sources, and whether the caller may receive rows of datasets that may not be passed
/// on (the command line's user may: the database is theirs).
/// </summary>
public sealed record IncidentListRequest(ScopeInput Scope)
{
    public IncidentSort Sort { get; init; } = IncidentSort.Date;
    public bool Descending { get; init; }
    public int? Limit { get; init; }
    public int Offset { get; init; }
    public (DateOnly Day, long Id)? After { get; init; }
    public bool IncludeSources { get; init; }
    public bool MayReceiveRestricted { get; init; } = true;
}

/// <summary>
/// Listing incidents, for <c>vigil incidents list</c>, <c>GET /api/v1/incidents</c> and the dashboard's list: the scope
/// resolved by the one parser (the primary dataset unless others are named; a combined scope lists each real event
/// once), the licence rule applied (<see cref="RowLicences"/>), then a page read from the store.
/// </summary>
public sealed class IncidentListing(IVigilDatabase db, ReferenceData reference)
{
    /// <exception cref="FieldException">A scope value that cannot be used, naming its field.</exception>
    /// <exception cref="RowsWithheldException">The scope holds a dataset whose rows this caller may not receive.</exception>
    public IncidentList Run(IncidentListRequest request)
    {
        var scope = new ScopeParser(reference).Resolve(request.Scope, db);
        if (RowLicences.Withheld(scope.Datasets, request.MayReceiveRestricted) is { Count: > 0 } withheld)
            throw new RowsWithheldException(withheld, scope);
        var query = scope.Query with
        {
            Sort = request.Sort,
            Descending = request.Descending,
            Limit = request.Limit,
            Offset = request.Offset,
            After = request.After,
        };
        return new IncidentList(db, scope, query, request.IncludeSources);
    }
}

/// <summary>A listing: its scope, its page of incidents (read from the store as they are enumerated), the total and the linked records.</summary>
public sealed class IncidentList(IVigilDatabase db, Scope scope, IncidentQuery query, bool includeSources)
{
    public Scope Scope => scope;

    /// <summary>
    /// The page, streamed from the store (enumerate it once, while the database is open). Under a sources scope other
    /// than the default, each incident's killed and injured are that scope's (<see cref="ScopedFigures"/>): the figures
    /// the scope's statistics sum.
    /// </summary>
    public IEnumerable<Incident> Items =>
        db.Incidents.Query(query, includeSources || ScopedFigures.NeedSources(query.Sources)).Select(i => ScopedFigures.Of(i, query.Sources));

    /// <summary>How many incidents the scope holds, every page together.</summary>
    public long Total() => db.Incidents.Count(query with { Limit = null, Offset = 0, After = null });

    /// <summary>In a combined scope, the records of the other datasets linked to each shown incident; otherwise none.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<LinkedRecord>> Linked(IEnumerable<Incident> shown) =>
        scope.Datasets.Count > 1 ? LinkedRecords.Of(db, shown.Select(i => i.Id)) : new Dictionary<long, IReadOnlyList<LinkedRecord>>();
}

/// <summary>Rows a caller may not receive: the datasets, whose licences forbid passing them on, and the scope asked for.</summary>
public sealed class RowsWithheldException(IReadOnlyList<Dataset> withheld, Scope scope) : VigilException(RowLicences.Explain(withheld))
{
    public IReadOnlyList<Dataset> Withheld { get; } = withheld;

    public Scope Scope { get; } = scope;
}
