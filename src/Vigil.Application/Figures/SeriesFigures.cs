using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Application.Figures;

/// <summary>A series to compute: the scope as given, the period unit and an optional breakdown.</summary>
/// <remarks>With <c>Metric</c> attacks, the incidents counted are what <see cref="AttacksRule"/> says "attacks" are.</remarks>
public sealed record SeriesFiguresRequest(ScopeInput Scope, PeriodUnit Unit, GroupBy Breakdown = GroupBy.None)
{
    public Domain.Claims.ClaimMetric? Metric { get; init; }
}

/// <summary>The series with the scope it was computed in (its datasets, what they cover) and how well its incidents are sourced.</summary>
public sealed record SeriesFiguresResult(Scope Scope, Series Series, Statistics.Sourcing.GradeShare Grades);

/// <summary>
/// Figures per period, for <c>vigil stats series</c> and <c>GET /api/v1/statistics/series</c>: the scope resolved
/// by the one parser (the primary dataset unless others are named), counted over its datasets (a linked event once),
/// periods outside their coverage "no data".
/// </summary>
public sealed class SeriesFigures(IVigilDatabase db, ReferenceData reference)
{
    /// <exception cref="Domain.Errors.FieldException">A scope value that cannot be used, naming its field.</exception>
    public SeriesFiguresResult Run(SeriesFiguresRequest request)
    {
        var scope = AttacksRule.For(new ScopeParser(reference).Resolve(request.Scope, db), request.Metric, request.Scope.Types);
        return new SeriesFiguresResult(scope, SeriesBuilder.Build(db.Incidents, new SeriesRequest(scope.Query, request.Unit, request.Breakdown, scope.Coverage)),
            Statistics.Sourcing.GradeShare.For(db.Incidents, scope.Query));
    }
}
