using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Statistics.Claims;
using Vigil.Storage;

namespace Vigil.Application.Claims;

/// <summary>
/// Checks claims in their scope, for the command line, the API, the dashboard and the accepted claims alike: the
/// claim's place, actor, kinds of event and datasets go through the one scope parser (no dataset named: the
/// database's primary one), the figures are counted over those datasets only (a combined scope counts a linked event
/// once), and a period they do not wholly cover is not checkable. Every answer names its scope.
/// </summary>
public sealed class ClaimChecks(IVigilDatabase db, ReferenceData reference)
{
    private readonly ScopeParser _parser = new(reference);
    private readonly ClaimChecker _checker = new(db.Incidents);

    // The database's datasets, read once for all the claims this instance checks (a page of accepted claims).
    private readonly Lazy<IReadOnlyList<Domain.Datasets.Dataset>> _datasets = new(db.Datasets.List);

    /// <exception cref="FieldException">A scope value that cannot be used; an unknown dataset names the field <c>dataset</c>.</exception>
    public ClaimCheck Check(Claim claim)
    {
        var scope = Attacks(claim, Resolve(claim.Scope));
        return _checker.Check(claim, scope.Query, scope.Coverage) with { Scope = Describe(scope) };
    }

    /// <summary>
    /// What a claim about "attacks" counts: militant attacks where every dataset in scope tells them apart; all events
    /// (said in the scope's remarks) where one does not, for it cannot count militant attacks alone. A claim that names
    /// its kinds of event counts those.
    /// </summary>
    public static Scope Attacks(Claim claim, Scope scope)
    {
        if (claim.Metric != ClaimMetric.Attacks || claim.Scope.EventTypes.Count > 0 || scope.Query.Categories.Count > 0 || scope.Datasets.Count == 0)
            return scope;
        var blind = scope.Datasets.Where(d => !Domain.Datasets.KnownDatasets.TellsAttacksApart(d.Name)).Select(d => d.Title).ToList();
        if (blind.Count > 0)
        {
            return scope with
            {
                Remarks = [.. scope.Remarks, $"attacks: every event, because {string.Join(" and ", blind)} {(blind.Count == 1 ? "does" : "do")} not tell militant attacks from clashes and operations"],
            };
        }
        var militant = Domain.Text.EnumText<Domain.Incidents.EventCategory>.Format(Domain.Incidents.EventCategory.MilitantAttack);
        return scope.With(scope.Query with { Categories = [militant] }) with
        {
            Remarks = [.. scope.Remarks, "attacks: militant attacks (category militant-attack), not security operations or clashes"],
        };
    }

    /// <summary>The scope a claim is checked in.</summary>
    /// <exception cref="FieldException">A scope value that cannot be used; an unknown dataset names the field <c>dataset</c>.</exception>
    public Scope Resolve(ClaimScope claim) => _parser.Resolve(new ScopeInput
    {
        Countries = [claim.Country],
        Provinces = claim.Province is { } p ? [p] : [],
        Districts = claim.District is { } d ? [d] : [],
        Actors = claim.Actor is { } a ? [a] : [],
        Types = claim.EventTypes,
        Datasets = claim.Datasets,
    }, _datasets.Value);

    private static CheckedScope Describe(Scope scope) => new(
        scope.Label, [.. scope.Datasets.Select(d => d.Name)], scope.Defaulted, scope.Datasets.Count > 1, scope.Coverage.Describe(), scope.Notes);
}
