using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;
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
        // The breakdown by side is the incident's whatever the sources: a claim about one group's dead cannot take another scope.
        if (claim.Scope.Victims is not null && claim.Scope.Sources != SourceScope.Independent)
            throw new FieldException("sources", $"a claim about {claim.Scope.Victims} counts the incidents' breakdowns by side, which are the incidents' own whatever the sources: check it with independent sources");
        // A claim's own categories are in its scope's query, which AttacksRule leaves as it is.
        var scope = AttacksRule.For(Resolve(claim.Scope), claim.Metric, claim.Scope.EventTypes);
        return _checker.Check(claim, scope.Query, scope.Coverage) with { Scope = Describe(scope) };
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
        Regions = claim.Region is { } r ? [r] : [],
        Categories = claim.Categories,
        Datasets = claim.Datasets,
        Sources = EnumText<SourceScope>.Format(claim.Sources),
    }, _datasets.Value) with
    { AsOf = db.AsOf };

    private static CheckedScope Describe(Scope scope) => new(
        scope.Label, [.. scope.Datasets.Select(d => d.Name)], scope.Defaulted, scope.Datasets.Count > 1, scope.Coverage.Describe(), scope.Notes)
    {
        Sources = EnumText<SourceScope>.Format(scope.Query.Sources),
        SourcesLabel = ScopeParser.Describe(scope.Query.Sources),
    };
}
