using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Sources;
using Vigil.Storage;
using Vigil.Storage.Relational;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// Provenance on every back-end: each source's own figures kept, the incident's figure by the documented rule, contested
/// incidents, statistics by the sources they count, grades derived, filtered and overridden, and the source registry with
/// its history. Expected figures are those worked by hand in <see cref="ProvenanceSamples"/>.
/// </summary>
public abstract class ProvenanceContract
{
    protected TestClock Clock { get; } = new();

    protected abstract RelationalIncidentStore OpenFresh();

    private static readonly ChangeContext Analyst = new("analyst:amina", "entered from the reports");

    private static readonly IncidentQuery March = new() { From = new DateOnly(2024, 3, 1), To = new DateOnly(2024, 3, 31) };

    private static (long Low, long Best, long High, long Unknown) Killed(IIncidentStore store, IncidentQuery query)
    {
        var rows = store.AggregateMonthly(query, GroupBy.None);
        var row = Assert.Single(rows);
        Assert.Equal(3, row.Incidents); // the sources change figures, never which incidents are counted
        return (row.KilledLow, row.KilledBest, row.KilledHigh, row.KilledUnknown);
    }

    [Fact]
    public void A_party_claim_and_two_independent_reports_give_the_rules_figure_a_contested_incident_and_each_scopes_figures()
    {
        using var db = new RelationalDatabase(OpenFresh());
        var store = db.Incidents;
        var disputed = store.Create(ProvenanceSamples.Disputed(), Analyst);
        store.Create(ProvenanceSamples.ClaimedOnly(), Analyst);
        store.Create(ProvenanceSamples.FromDataset(), Analyst);

        var found = store.Find(disputed.Id)!;
        Assert.Equal((18, 20, 24), (found.Killed.Low, found.Killed.Best, found.Killed.High));
        Assert.Equal(FigureRule.IndependentRuleName, found.Killed.Rule);
        Assert.Equal((30, 30, 30), (found.Injured.Low, found.Injured.Best, found.Injured.High));
        Assert.True(found.Contested);
        Assert.Equal(IncidentGrade.Contested, found.Grade);
        // Each source keeps what it said.
        Assert.Equal(ProvenanceSamples.Disputed().Sources, found.Sources);

        Assert.Equal((21L, 23L, 27L, 1L), Killed(store, March));
        Assert.Equal((33L, 35L, 75L, 0L), Killed(store, March with { Sources = SourceScope.All }));
        Assert.Equal((72L, 72L, 72L, 1L), Killed(store, March with { Sources = SourceScope.Party }));
        var all = Assert.Single(store.Aggregate(March with { Sources = SourceScope.All }, GroupBy.None));
        Assert.Equal((35L, 0L, 30L), (all.KilledBest, all.KilledUnknown, all.InjuredBest));
        // A minimum killed counts the scope's figures: the claimed-only operation has 12 from all sources, none independently.
        Assert.Equal(2, store.Count(March with { MinKilled = 10, Sources = SourceScope.All }));
        Assert.Equal(1, store.Count(March with { MinKilled = 10 }));
    }

    [Fact]
    public void Grades_are_derived_filtered_by_a_minimum_and_counted()
    {
        using var db = new RelationalDatabase(OpenFresh());
        var store = db.Incidents;
        store.Create(ProvenanceSamples.Disputed(), Analyst);
        var claimed = store.Create(ProvenanceSamples.ClaimedOnly(), Analyst);
        store.Create(ProvenanceSamples.FromDataset(), Analyst);

        Assert.Equal(IncidentGrade.Weak, store.Find(claimed.Id)!.Grade);
        Assert.Equal(new Dictionary<IncidentGrade, long> { [IncidentGrade.Contested] = 1, [IncidentGrade.Weak] = 2 }, store.GradeCounts(March));
        Assert.Equal(2, store.Count(March with { MinGrade = IncidentGrade.Weak }));
        Assert.Equal(3, store.Count(March with { MinGrade = IncidentGrade.Contested }));
        Assert.Equal(0, store.Count(March with { MinGrade = IncidentGrade.Fair }));
        // The monthly figures under a minimum grade leave the lower grades out (the contested incident's 20).
        Assert.Equal(3, Assert.Single(store.AggregateMonthly(March with { MinGrade = IncidentGrade.Weak }, GroupBy.None)).KilledBest);
    }

    [Fact]
    public void An_analysts_grade_overrides_the_derived_one_as_a_revision_and_a_source_edit_is_reverted_with_its_figures()
    {
        using var db = new RelationalDatabase(OpenFresh());
        var store = db.Incidents;
        var created = store.Create(ProvenanceSamples.Disputed(), Analyst);

        var overridden = store.Update(created.Id, created.Revision, new ChangeContext("analyst:amina", "ISPR later confirmed 24"),
            i => i with { GradeOverride = IncidentGrade.Confirmed, GradeReason = "the army's own toll matches Reuters" });
        Assert.Equal(IncidentGrade.Confirmed, store.Find(created.Id)!.Grade);
        var revision = store.GetRevisions(created.Id)[^1];
        Assert.Contains(revision.Changes, c => c is { Field: "grade_override", Before: null, After: "confirmed" });
        Assert.Contains(revision.Changes, c => c.Field == "grade_reason");

        // Dropping the party claim re-applies the rule (same figure) and ends the contest; the revision keeps every figure.
        var edited = store.Update(created.Id, overridden.Revision, Analyst, i => i with { Sources = [.. i.Sources.Skip(1)], GradeOverride = null, GradeReason = null });
        Assert.False(edited.Contested);
        Assert.Equal(IncidentGrade.Fair, store.Find(created.Id)!.Grade); // two independent sources, ungraded
        var last = store.GetRevisions(created.Id)[^1];
        var before = IncidentFields.Revert(store.Find(created.Id)!, last.Changes);
        Assert.Equal(ProvenanceSamples.Disputed().Sources, before.Sources);
        Assert.Equal(60, before.Sources[0].Killed!.Best);
    }

    [Fact]
    public void Registry_edits_keep_their_history_and_regrade_the_incidents_that_cite_the_source()
    {
        using var db = new RelationalDatabase(OpenFresh());
        var store = db.Incidents;
        var claimed = store.Create(ProvenanceSamples.ClaimedOnly(), Analyst);
        var dataset = store.Create(ProvenanceSamples.FromDataset(), Analyst);

        Assert.Equal(SourceType.Party, db.Sources.Find("Inter-Services Public Relations")!.Type);
        Assert.Contains(db.Sources.List(), e => e is { Key: "test", Type: SourceType.Dataset, Reliability: 'F', Implied: true });

        var dawn = db.Sources.Add(new SourceEntry { Key = "dawn", Name = "Dawn", Type = SourceType.IndependentMedia, Reliability = 'B' },
            new ChangeContext("analyst:amina", "Pakistan's paper of record"));
        Assert.Equal(IncidentGrade.Fair, store.Find(claimed.Id)!.Grade);
        // The dataset's citation of Dawn is the dataset's source, not a report added in Vigil.
        Assert.Equal(IncidentGrade.Weak, store.Find(dataset.Id)!.Grade);

        db.Sources.Edit("dawn", e => e with { Reliability = 'E' }, new ChangeContext("analyst:bilal", "misreported three tolls"));
        Assert.Equal(IncidentGrade.Weak, store.Find(claimed.Id)!.Grade); // Dawn unreliable: the party claim alone remains
        db.Sources.Edit("test", e => e with { Reliability = 'A' }, new ChangeContext("analyst:bilal", "our own dataset"));
        Assert.Equal(IncidentGrade.Fair, store.Find(dataset.Id)!.Grade);
        // The statistics' share of graded incidents (read from the rollup) follows the regrades.
        var grades = store.Query(IncidentQuery.All).GroupBy(i => i.Grade!.Value).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())).ToList();
        Assert.Equal(grades, store.GradeCounts(IncidentQuery.All).OrderBy(g => g.Key).Select(g => (g.Key, g.Value)).ToList());

        var history = db.Sources.History("dawn");
        Assert.Equal(2, history.Count);
        Assert.Equal((null, 'B', "analyst:amina"), (history[0].Before?.Reliability, history[0].After.Reliability, history[0].Author));
        Assert.Equal(('B', 'E', "analyst:bilal", "misreported three tolls"), (history[1].Before!.Reliability, history[1].After.Reliability, history[1].Author, history[1].Reason));
        Assert.Equal(dawn with { Reliability = 'E' }, db.Sources.Find("dawn"));

        Assert.Equal("key", Assert.Throws<FieldException>(() => db.Sources.Add(dawn with { Name = "Dawn News" }, Analyst)).Field);
        Assert.Equal("party_side", Assert.Throws<FieldException>(() =>
            db.Sources.Add(new SourceEntry { Key = "bla", Name = "BLA spokesman", Type = SourceType.Party }, Analyst)).Field);
        Assert.Throws<NotFoundException>(() => db.Sources.Edit("nobody", e => e, Analyst));
    }
}
