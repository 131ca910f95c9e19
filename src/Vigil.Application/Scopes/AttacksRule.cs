using Vigil.Domain.Datasets;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;

namespace Vigil.Application.Scopes;

/// <summary>
/// What "attacks" counts, in claims and in the statistics alike: militant attacks where every dataset in scope tells
/// them apart from clashes and operations; every event, said in the scope's remarks, where one (UCDP) does not, for it
/// cannot count militant attacks alone. A scope that already names its categories counts those.
/// </summary>
public static class AttacksRule
{
    /// <summary>The scope a figure of <paramref name="metric"/> is counted in: unchanged unless it is attacks and no kinds of event are named.</summary>
    public static Scope For(Scope scope, Domain.Claims.ClaimMetric? metric, IReadOnlyList<string> namedTypes) =>
        metric == Domain.Claims.ClaimMetric.Attacks && namedTypes.Count == 0 ? Apply(scope) : scope;

    public static Scope Apply(Scope scope)
    {
        if (scope.Query.Categories.Count > 0 || scope.Datasets.Count == 0)
            return scope;
        var blind = scope.Datasets.Where(d => !KnownDatasets.TellsAttacksApart(d.Name)).Select(d => d.Title).ToList();
        if (blind.Count > 0)
        {
            return scope with
            {
                Remarks = [.. scope.Remarks, $"attacks: every event, because {string.Join(" and ", blind)} {(blind.Count == 1 ? "does" : "do")} not tell militant attacks from clashes and operations"],
            };
        }
        var militant = EnumText<EventCategory>.Format(EventCategory.MilitantAttack);
        return scope.With(scope.Query with { Categories = [militant] }) with
        {
            Remarks = [.. scope.Remarks, "attacks: militant attacks (category militant-attack), not security operations or clashes"],
        };
    }
}
