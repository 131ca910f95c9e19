using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Storage;

namespace Vigil.TestSupport.Contracts;

/// <summary>
/// What every store back-end must do, whatever the database. A back-end's test class derives from this
/// and says how to open a fresh, empty store; each test gets its own.
/// </summary>
public abstract partial class IncidentStoreContract
{
    protected TestClock Clock { get; } = new();

    /// <summary>A new, empty store for one test.</summary>
    protected abstract IIncidentStore OpenFresh();

    /// <summary>The same database as <paramref name="store"/>, through a second connection.</summary>
    protected abstract IIncidentStore Reopen(IIncidentStore store);

    /// <summary>The keys and audit store on the same connection as <paramref name="store"/>.</summary>
    protected virtual IAccessStore AccessOf(IIncidentStore store) => ((Vigil.Storage.Relational.RelationalIncidentStore)store).AccessStore;

    private static readonly ChangeContext Analyst = new("analyst:amina", "checked against the FIR");

    private static ImportSummary Import(IIncidentStore store, params Incident[] incidents)
    {
        using var session = store.BeginImport(new ImportRequest("test", "test.csv", "test", "tester"));
        foreach (var incident in incidents)
            session.Upsert(incident);
        return session.Commit(0, "sha");
    }

    [Fact]
    public void A_created_incident_gets_an_id_revision_1_and_comes_back_equal()
    {
        using var store = OpenFresh();

        var created = store.Create(Incidents.Sample(), Analyst);
        var found = store.Find(created.Id);

        Assert.True(created.Id > 0);
        Assert.NotNull(found);
        Assert.Equal(1, found.Revision);
        Assert.Empty(IncidentFields.Diff(Incidents.Sample(), found));
        Assert.Equal(Incidents.Sample().Sources, found.Sources);
        var revision = Assert.Single(store.GetRevisions(created.Id));
        Assert.Equal((RevisionKind.Create, "analyst:amina"), (revision.Kind, revision.Author));
    }

    [Fact]
    public void Unknown_casualties_stay_unknown_not_zero()
    {
        using var store = OpenFresh();

        var id = store.Create(Incidents.Sample(killed: null), Analyst).Id;

        var found = store.Find(id)!;
        Assert.True(found.Killed.IsUnknown);
        var row = Assert.Single(store.Aggregate(IncidentQuery.All, GroupBy.None));
        Assert.Equal((0L, 1L), (row.KilledBest, row.KilledUnknown));
    }

    [Fact]
    public void An_update_keeps_the_id_and_records_before_and_after()
    {
        using var store = OpenFresh();
        var created = store.Create(Incidents.Sample(), Analyst);
        Clock.Advance(TimeSpan.FromHours(1));

        var updated = store.Update(created with { Killed = CasualtyCount.Exactly(5) }, 1, Analyst);

        Assert.Equal(created.Id, updated.Id);
        Assert.Equal(2, updated.Revision);
        var revisions = store.GetRevisions(created.Id);
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        var change = revisions[1].Changes.Single(c => c.Field == "killed_best");
        Assert.Equal(("3", "5"), (change.Before, change.After));
        Assert.Equal("checked against the FIR", revisions[1].Reason);
        Assert.Equal(Clock.GetUtcNow(), revisions[1].At);
    }

    [Fact]
    public void An_edit_based_on_a_stale_revision_is_refused_and_changes_nothing()
    {
        using var store = OpenFresh();
        var created = store.Create(Incidents.Sample(), Analyst);
        store.Update(created with { Notes = "first analyst" }, 1, Analyst);

        var e = Assert.Throws<ConcurrencyException>(() => store.Update(created with { Notes = "second analyst" }, 1, Analyst));

        Assert.Equal(2, e.ActualRevision);
        Assert.Equal("first analyst", store.Find(created.Id)!.Notes);
        Assert.Equal(2, store.GetRevisions(created.Id).Count);
    }

    [Fact]
    public void Two_connections_editing_one_incident_cannot_both_win()
    {
        using var first = OpenFresh();
        using var second = Reopen(first);
        var created = first.Create(Incidents.Sample(), Analyst);
        var seenBySecond = second.Find(created.Id)!;

        first.Update(created with { Notes = "A" }, created.Revision, Analyst);

        Assert.Throws<ConcurrencyException>(() => second.Update(seenBySecond with { Notes = "B" }, seenBySecond.Revision, Analyst));
        Assert.Equal("A", second.Find(created.Id)!.Notes);
    }

    [Fact]
    public void A_deleted_incident_is_kept_hidden_and_its_deletion_recorded()
    {
        using var store = OpenFresh();
        var created = store.Create(Incidents.Sample(), Analyst);

        store.Delete(created.Id, 1, new ChangeContext("admin:zia", "duplicate of another record"));

        Assert.Null(store.Find(created.Id));
        Assert.NotNull(store.Find(created.Id, includeDeleted: true)!.DeletedAt);
        Assert.Equal(0, store.Count(IncidentQuery.All));
        Assert.Equal(1, store.Count(IncidentQuery.All with { IncludeDeleted = true }));
        var last = store.GetRevisions(created.Id)[^1];
        Assert.Equal((RevisionKind.Delete, "admin:zia", "duplicate of another record"), (last.Kind, last.Author, last.Reason));
    }

    [Fact]
    public void Ids_are_never_reused_after_a_deletion()
    {
        using var store = OpenFresh();
        var first = store.Create(Incidents.Sample(id: "a"), Analyst);
        store.Delete(first.Id, 1, Analyst);

        var second = store.Create(Incidents.Sample(id: "b"), Analyst);

        Assert.True(second.Id > first.Id);
    }

    [Fact]
    public void An_import_is_invisible_until_committed_and_gone_when_abandoned()
    {
        using var store = OpenFresh();
        using (var session = store.BeginImport(new ImportRequest("test", "a.csv", "test", "tester")))
        {
            session.Upsert(Incidents.Sample(id: "1"));
            session.Upsert(Incidents.Sample(id: "2"));
            // Disposed without Commit: an import that failed half-way.
        }

        Assert.Equal(0, store.Count(IncidentQuery.All));
        Assert.Empty(store.GetImports());
    }

    [Fact]
    public void Reimporting_the_same_records_updates_instead_of_duplicating()
    {
        using var store = OpenFresh();
        Import(store, Incidents.Sample(id: "1"), Incidents.Sample(id: "2"));

        var again = Import(store, Incidents.Sample(id: "1"), Incidents.Sample(id: "2", killed: 9), Incidents.Sample(id: "3"));

        Assert.Equal((1L, 1L, 1L), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(3, store.Count(IncidentQuery.All));
        var updated = store.Query(IncidentQuery.All with { MinKilled = 9 }).Single();
        Assert.Equal(2, updated.Revision);
        Assert.Equal(again.ImportId, store.GetRevisions(updated.Id)[^1].ImportId);
    }

    [Fact]
    public void A_record_twice_in_one_import_is_refused_whether_the_dataset_is_new_or_not()
    {
        using var store = OpenFresh();
        using (var session = store.BeginImport(new ImportRequest("test", "a.csv", "test", "tester")))
        {
            session.Upsert(Incidents.Sample(id: "1"));
            Assert.Throws<DuplicateRecordException>(() => session.Upsert(Incidents.Sample(id: "1")));
        }
        Import(store, Incidents.Sample(id: "1"));
        using (var session = store.BeginImport(new ImportRequest("test", "b.csv", "test", "tester")))
        {
            session.Upsert(Incidents.Sample(id: "1"));
            Assert.Throws<DuplicateRecordException>(() => session.Upsert(Incidents.Sample(id: "1")));
        }
    }

    [Fact]
    public void A_reimport_does_not_bring_back_an_incident_deleted_in_Vigil()
    {
        using var store = OpenFresh();
        Import(store, Incidents.Sample(id: "1"));
        var incident = store.Query(IncidentQuery.All).Single();
        store.Delete(incident.Id, incident.Revision, Analyst);

        var again = Import(store, Incidents.Sample(id: "1"));

        Assert.Equal(1, again.SkippedDeleted);
        Assert.Null(store.Find(incident.Id));
    }

    [Fact]
    public void Queries_filter_sort_and_page()
    {
        using var store = OpenFresh();
        Import(store,
            Incidents.Sample(id: "1", day: 1, killed: 10, province: "Balochistan", perpetrator: "BLA"),
            Incidents.Sample(id: "2", day: 2, killed: 30),
            Incidents.Sample(id: "3", day: 40, killed: 20, type: EventType.SuicideBombing),
            Incidents.Sample(id: "4", day: 41, killed: null));

        Assert.Equal(["2", "3", "4"], Ids(store, IncidentQuery.All with { Provinces = ["Khyber Pakhtunkhwa"] }));
        Assert.Equal(["1", "2"], Ids(store, IncidentQuery.All with { To = new DateOnly(2020, 1, 31) }));
        Assert.Equal(["1"], Ids(store, IncidentQuery.All with { Actors = ["BLA"] }));
        Assert.Equal(["3"], Ids(store, IncidentQuery.All with { EventTypes = ["suicide-bombing"] }));
        Assert.Equal(["2", "3"], Ids(store, IncidentQuery.All with { MinKilled = 20 }));
        Assert.Equal(["2", "3", "1", "4"], Ids(store, IncidentQuery.All with { Sort = IncidentSort.Killed, Descending = true }));
        Assert.Equal(["3"], Ids(store, IncidentQuery.All with { Sort = IncidentSort.Killed, Descending = true, Offset = 1, Limit = 1 }));
        Assert.Equal(4, store.Count(IncidentQuery.All with { Limit = 1 }));
    }

    [Fact]
    public void Aggregates_sum_best_estimates_and_count_the_unknown()
    {
        using var store = OpenFresh();
        Import(store,
            Incidents.Sample(id: "1", day: 1, killed: 10, province: "Balochistan"),
            Incidents.Sample(id: "2", day: 2, killed: 30),
            Incidents.Sample(id: "3", day: 40, killed: null));

        var byMonth = store.Aggregate(IncidentQuery.All, GroupBy.Month);
        var byProvince = store.Aggregate(IncidentQuery.All, GroupBy.Province);

        Assert.Equal([new AggregateRow("2020-01", 2, 40, 0, 8, 0), new AggregateRow("2020-02", 1, 0, 1, 4, 0)], byMonth);
        Assert.Equal(["Balochistan", "Khyber Pakhtunkhwa"], byProvince.Select(r => r.Key));
    }

    [Fact]
    public void Reopening_a_database_keeps_everything_and_applies_no_migration_twice()
    {
        using var store = OpenFresh();
        var created = store.Create(Incidents.Sample(), Analyst);
        using var reopened = Reopen(store);

        Assert.Equal(store.GetInfo().SchemaVersion, reopened.GetInfo().SchemaVersion);
        Assert.NotNull(reopened.Find(created.Id));
    }

    [Fact]
    public void The_monthly_rollup_stays_equal_to_the_incidents_through_imports_edits_and_deletions()
    {
        using var store = OpenFresh();
        Import(store,
            Incidents.Sample(id: "1", day: 1, killed: 10, province: "Balochistan", perpetrator: "BLA"),
            Incidents.Sample(id: "2", day: 2, killed: 30),
            Incidents.Sample(id: "3", day: 40, killed: null, type: EventType.SuicideBombing));
        Import(store, Incidents.Sample(id: "2", day: 33, killed: 31), Incidents.Sample(id: "4", day: 70, killed: 5, perpetrator: null));
        var manual = store.Create(Incidents.Sample(dataset: "manual", id: "m", day: 41, killed: 2), Analyst);
        store.Update(manual with { Killed = CasualtyCount.Exactly(7), Place = manual.Place with { Admin1 = "Sindh" } }, 1, Analyst);
        var three = store.Query(IncidentQuery.All with { EventTypes = ["suicide-bombing"] }).Single();
        store.Delete(three.Id, three.Revision, Analyst);
        var graded = store.Find(manual.Id)!;
        store.Update(graded with { GradeOverride = Domain.Sources.IncidentGrade.Confirmed, GradeReason = "two named witnesses" }, graded.Revision, Analyst);

        // The grades the rollup counts are the incidents' own (not yet graded counts as weak).
        var grades = store.Query(IncidentQuery.All).GroupBy(i => i.Grade ?? Domain.Sources.IncidentGrade.Weak)
            .OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())).ToList();
        Assert.Contains(grades, g => g.Key == Domain.Sources.IncidentGrade.Confirmed);
        Assert.Equal(grades, store.GradeCounts(IncidentQuery.All).OrderBy(g => g.Key).Select(g => (g.Key, g.Value)).ToList());
        foreach (var breakdown in new[] { GroupBy.None, GroupBy.Province, GroupBy.Perpetrator, GroupBy.EventType, GroupBy.Dataset })
        {
            var fromRollup = store.AggregateMonthly(IncidentQuery.All, breakdown).OrderBy(r => r.Day).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
            var fromIncidents = store.AggregateDaily(IncidentQuery.All, breakdown)
                .GroupBy(d => (Month: new DateOnly(d.Day.Year, d.Day.Month, 1), d.Key))
                .Select(g => new DailyAggregate(g.Key.Month, g.Key.Key, g.Sum(x => x.Incidents), g.Sum(x => x.KilledLow), g.Sum(x => x.KilledBest),
                    g.Sum(x => x.KilledHigh), g.Sum(x => x.KilledUnknown), g.Sum(x => x.InjuredLow), g.Sum(x => x.InjuredBest), g.Sum(x => x.InjuredHigh), g.Sum(x => x.InjuredUnknown)))
                .OrderBy(r => r.Day).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
            Assert.Equal(fromIncidents, fromRollup);
        }
    }

    [Fact]
    public void A_large_import_with_sources_reads_back_row_for_row()
    {
        // More rows than one bulk batch, so a back-end that loads in batches crosses a batch boundary.
        const int count = 23_456;
        using var store = OpenFresh();
        var rows = Enumerable.Range(1, count)
            .Select(n => Incidents.Sample(id: n.ToString(System.Globalization.CultureInfo.InvariantCulture), day: 1 + n % 900, killed: n % 7 == 0 ? null : n % 50))
            .ToList();
        var summary = Import(store, [.. rows]);

        Assert.Equal(count, summary.Created);
        Assert.Equal(count, store.Count(IncidentQuery.All));
        var back = store.Query(IncidentQuery.All with { Sort = IncidentSort.Id }, includeSources: true).ToList();
        Assert.Equal(count, back.Select(i => i.Id).Distinct().Count());
        var byRecord = back.ToDictionary(i => i.SourceRecord!.RecordId);
        foreach (var expected in rows.Where((_, n) => n % 997 == 0))
        {
            var actual = byRecord[expected.SourceRecord!.RecordId];
            Assert.Equal(expected.Killed, actual.Killed);
            Assert.Equal(expected.Date, actual.Date);
            Assert.Equal(expected.Sources, actual.Sources);
        }
        Assert.Equal(rows.Sum(r => (long)(r.Killed.Best ?? 0)), store.Aggregate(IncidentQuery.All, GroupBy.None).Single().KilledBest);
        var one = back[count / 2];
        Assert.Single(store.GetRevisions(one.Id));
        var created = store.Create(Incidents.Sample(dataset: "manual", id: "after"), Analyst);
        Assert.True(created.Id > back.Max(i => i.Id), "a new incident gets an id after every imported one");
    }

    [Fact]
    public void Many_writers_editing_one_incident_lose_no_acknowledged_edit()
    {
        const int writers = 4, editsEach = 15;
        using var setup = OpenFresh();
        var created = setup.Create(Incidents.Sample(), Analyst);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            using var store = Reopen(setup);
            for (var e = 0; e < editsEach; e++)
            {
                var note = $"writer {w} edit {e}";
                while (true)
                {
                    var current = store.Find(created.Id)!;
                    try
                    {
                        store.Update(current with { Notes = note }, current.Revision, new ChangeContext($"writer:{w}", null));
                        acknowledged.Add(note);
                        break;
                    }
                    catch (ConcurrencyException)
                    {
                        // Another writer got there first: read again and retry, as a client does after a 412.
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var revisions = setup.GetRevisions(created.Id);
        Assert.Equal(1 + writers * editsEach, revisions.Count);
        Assert.Equal(Enumerable.Range(1, 1 + writers * editsEach), revisions.Select(r => r.Number));
        var notes = revisions.Skip(1).Select(r => r.Changes.Single(c => c.Field == "notes").After).ToHashSet();
        Assert.True(acknowledged.ToHashSet().SetEquals(notes!), "every acknowledged edit is a revision, and nothing else is");
        Assert.Equal(1 + writers * editsEach, setup.Find(created.Id)!.Revision);
    }

    [Fact]
    public void Keys_are_kept_hashed_revoked_by_name_and_writes_audited()
    {
        using var incidents = OpenFresh();
        var store = AccessOf(incidents);
        var key = store.AddKey("amina", ApiRole.Analyst, "hash-1");
        Assert.Throws<VigilException>(() => store.AddKey("amina", ApiRole.Viewer, "hash-2"));
        Assert.Equal(key.Id, store.FindKey("hash-1")!.Id);
        Assert.Null(store.FindKey("hash-2"));
        Assert.True(store.RevokeKey("amina"));
        Assert.False(store.RevokeKey("amina"));
        Assert.Null(store.FindKey("hash-1"));
        var again = store.AddKey("amina", ApiRole.Admin, "hash-3");
        Assert.NotEqual(key.Id, again.Id);
        Assert.Equal(2, store.GetKeys().Count);

        store.Audit(new AuditEntry(Clock.GetUtcNow(), "amina", "PUT /api/v1/incidents/1", "incident 1", 200, "notes"));
        store.Audit(new AuditEntry(Clock.GetUtcNow(), "bilal", "DELETE /api/v1/incidents/2", "incident 2", 204, null));
        var audit = store.GetAudit(10);
        Assert.Equal(["bilal", "amina"], audit.Select(a => a.Actor));
        Assert.Single(store.GetAudit(1));
    }

    private static string[] Ids(IIncidentStore store, IncidentQuery query) =>
        store.Query(query).Select(i => i.SourceRecord!.RecordId).ToArray();
}
