using Vigil.Accountability.Border;
using Vigil.Accountability.Evaluation;
using Vigil.Accountability.Scorecards;
using Vigil.Domain.Accountability;
using Vigil.Domain.Errors;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Accountability;

/// <summary>
/// The questions the command line, the API, the dashboard and the monthly report ask, over one incident
/// store and its accountability store, with "today" from the injected clock. With the database's datasets,
/// indicators count in their datasets (the primary one unless they name others) and what those cover.
/// </summary>
public sealed class AccountabilityService(IIncidentStore incidents, IAccountabilityStore store, TimeProvider clock, IDatasetStore? datasets = null)
{
    public IAccountabilityStore Store => store;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public CommitmentEvaluator Evaluator() => new(incidents, Scopes.Bundled, store.GetStatusEvents(), Today, datasets?.List());

    public Commitment Commitment(string key) =>
        store.GetCommitments().FirstOrDefault(c => c.Key == key) ?? throw new NotFoundException($"commitment '{key}'");

    public CommitmentEvaluation Evaluate(string key) => Evaluator().Evaluate(Commitment(key));

    public IReadOnlyList<CommitmentEvaluation> EvaluateAll()
    {
        var evaluator = Evaluator();
        return store.GetCommitments().Select(evaluator.Evaluate).ToList();
    }

    public IReadOnlyList<PartyScorecard> Scorecards()
    {
        var evaluator = Evaluator();
        return PartyScorecard.Build(store.GetCommitments(), evaluator.Evaluate);
    }

    public IReadOnlyList<CrossingReport> Crossings()
    {
        var events = store.GetStatusEvents();
        return store.GetCrossings().Select(c => CrossingReport.Build(c, events, Today)).ToList();
    }

    public CrossingReport Crossing(string key) =>
        Crossings().FirstOrDefault(c => c.Crossing.Key == key) ?? throw new NotFoundException($"crossing '{key}'");

    public NearbyViolenceReport NearbyViolence(string key, double radiusKm, Domain.Time.PeriodUnit unit)
    {
        var report = Crossing(key);
        // Counted in the primary dataset (with the database's datasets): never several datasets added together.
        IReadOnlyList<string>? primary = datasets?.List().Where(d => d.Primary).Select(d => d.Name).ToList();
        return NearbyViolenceReport.Build(incidents, report.Crossing, report.Episodes, radiusKm, unit, Today, primary);
    }
}
