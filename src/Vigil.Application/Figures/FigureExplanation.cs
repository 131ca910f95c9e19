using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;
using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Application.Figures;

/// <summary>
/// Which figure to explain: the scope as given, the period, and optionally one breakdown key. <see cref="Ids"/>: only
/// the ids, by date (for a script); otherwise the incidents, deadliest first.
/// </summary>
public sealed record FigureExplanationRequest(ScopeInput Scope, Period Period, GroupBy Breakdown = GroupBy.None, string? Key = null)
{
    public bool Ids { get; init; }

    /// <summary>With attacks, the incidents behind the figure are what <see cref="Scopes.AttacksRule"/> says "attacks" are, as in the series.</summary>
    public Domain.Claims.ClaimMetric? Metric { get; init; }
}

/// <summary>The incidents behind the figure (none when only ids were asked for) and their ids, with the scope it was counted in.</summary>
public sealed record FigureExplanationResult(Scope Scope, IReadOnlyList<Incident> Incidents, IReadOnlyList<long> IncidentIds);

/// <summary>
/// The incidents behind one period's figure (and one breakdown key), for <c>vigil stats series --explain</c> and
/// <c>GET /api/v1/statistics/explain</c>: the same scope and the same counting as the series, so the list has
/// exactly the incidents the figure counts, each with the figures of the scope's sources: they add up to the figure.
/// </summary>
public sealed class FigureExplanation(IVigilDatabase db, ReferenceData reference)
{
    /// <exception cref="Domain.Errors.FieldException">A scope value that cannot be used, naming its field.</exception>
    public FigureExplanationResult Run(FigureExplanationRequest request)
    {
        var scope = AttacksRule.For(new ScopeParser(reference).Resolve(request.Scope, db), request.Metric, request.Scope.Types);
        var query = request.Key is null ? scope.Query : Vigil.Statistics.Scopes.ForKey(scope.Query, request.Breakdown, request.Key);
        var inPeriod = Vigil.Statistics.Scopes.InPeriod(query, request.Period);
        if (request.Ids)
            return new FigureExplanationResult(scope, [], db.Incidents.QueryIds(inPeriod));
        // Under a sources scope other than the default, each incident shows that scope's figures, as the series sums them.
        var incidents = db.Incidents.Query(inPeriod with { Sort = IncidentSort.Killed, Descending = true }, ScopedFigures.NeedSources(inPeriod.Sources))
            .Select(i => ScopedFigures.Of(i, inPeriod.Sources)).ToList();
        return new FigureExplanationResult(scope, incidents, [.. incidents.Select(i => i.Id)]);
    }
}
