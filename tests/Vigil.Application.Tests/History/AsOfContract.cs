using System.Text.Json;
using Vigil.Application.Claims;
using Vigil.Application.Figures;
using Vigil.Application.Links;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Application.Tests.Links;
using Vigil.Domain.Claims;
using Vigil.Domain.Datasets;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Sources;
using Vigil.Domain.Time;
using Vigil.Ingestion;
using Vigil.Ingestion.Normalization;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Application.Tests.History;

/// <summary>
/// Answers as of a past moment, on each back-end: the database is backed up at a moment T (the backup command), then
/// edited, merged, linked, unlinked, deleted, re-described and imported into; every list, series, dataset listing, link
/// page, claim check and monthly report asked "as of T" equals the same question put to the backup restored.
/// </summary>
public abstract class AsOfContract : IDisposable
{
    private const string Pbc = "pbc-suicide";
    private const string Ucdp = "ucdp-ged";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    protected TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    protected TempDirectory Dir { get; } = new();

    /// <summary>A location of a fresh copy of UCDP GED and PBC's suicide attacks, imported.</summary>
    protected abstract string FreshLocation();

    /// <summary>A location of an empty database to restore a backup into.</summary>
    protected abstract string EmptyLocation();

    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    private static readonly ScopeInput[] Scopes =
    [
        new(),
        new() { Datasets = [Pbc, Ucdp] },
        new() { Datasets = ["all"], Provinces = ["Khyber Pakhtunkhwa"] },
        new() { Datasets = [Pbc], Categories = ["militant-attack"] },
        new() { Datasets = [Ucdp], Sources = "all" },
        new() { Datasets = [Ucdp], Sources = "party", MinGrade = "weak" },
        new() { Datasets = [Pbc, Ucdp], MinGrade = "fair" },
    ];

    [Fact]
    public void Every_answer_as_of_a_moment_equals_the_backup_taken_at_that_moment()
    {
        var location = DatasetLocation(FreshLocation());
        long edited, deletedLater, mergedInto, claimed, recounted, redescribed, cited;
        using (var db = location.Open(Clock))
        {
            new DatasetLinking(db, Clock).Link(new DatasetLinkRequest(Pbc, Ucdp, 1, "tester"));
            var some = db.Incidents.Query(IncidentQuery.All with { Datasets = [Ucdp], Sort = IncidentSort.Id, Limit = 40 }, includeSources: true).ToList();
            edited = some[0].Id;
            deletedLater = some[1].Id;
            mergedInto = some[2].Id;
            claimed = some[4].Id;
            recounted = some[5].Id;
            redescribed = some[6].Id;
            cited = some[7].Id;
            // Before the moment: an edit, a deletion and a decision, which the answers as of it must keep.
            Clock.Advance(TimeSpan.FromMinutes(5));
            db.Incidents.Update(edited, some[0].Revision, new ChangeContext("analyst:amina", "FIR"), i => i with { Killed = CasualtyCount.Exactly(7) });
            db.Incidents.Delete(some[3].Id, some[3].Revision, new ChangeContext("analyst:amina", "duplicate"));
            var ambiguous = db.Links.List(new LinkQuery { Status = LinkStatus.Ambiguous, Limit = 2 }).Links;
            db.Links.SetStatus(ambiguous[0].Id, LinkStatus.Linked, "analyst:amina", "same district, same day");
            // A report from an outlet the registry does not know yet: graded later, when the outlet is.
            db.Incidents.Update(cited, some[7].Revision, new ChangeContext("analyst:amina", "press"),
                i => i with { Sources = i.Sources.Add(new SourceReference("Dawn", new DateOnly(2020, 1, 2), "Blast", "https://dawn.example/0")) });
        }

        Clock.Advance(TimeSpan.FromMinutes(5));
        var moment = Clock.GetUtcNow();
        var backup = Dir.File("at-moment.vigil-backup");
        Backups.Backup(location, backup, Clock);
        var copy = DatasetLocation(EmptyLocation());
        Assert.Empty(Backups.Restore(backup, copy, Clock));

        Clock.Advance(TimeSpan.FromMinutes(5));
        using (var db = location.Open(Clock))
        {
            // After it: edits (one incident edited before too), sources changed, a deletion, a merge, link decisions and an
            // undone run rebuilt, datasets re-described, a new dataset imported and an incident entered by hand.
            var current = db.Incidents.Find(edited)!;
            db.Incidents.Update(edited, current.Revision, new ChangeContext("analyst:amina", "second report"),
                i => i with { Killed = CasualtyCount.Exactly(11), Place = i.Place with { Admin1 = "Balochistan" } });
            Clock.Advance(TimeSpan.FromMinutes(1));
            current = db.Incidents.Find(edited)!;
            db.Incidents.Update(edited, current.Revision, new ChangeContext("analyst:amina", "third"),
                i => i with { Sources = i.Sources.Add(new SourceReference("Dawn", new DateOnly(2020, 1, 2), "Blast", "https://dawn.example/1")) });
            // A party's claim and an independent report with their own figures: the incident's figures, contest and grade change.
            var disputed = db.Incidents.Find(claimed)!;
            db.Incidents.Update(claimed, disputed.Revision, new ChangeContext("analyst:amina", "claims"), i => i with
            {
                Sources = i.Sources
                    .Add(new SourceReference("ISPR", new DateOnly(2020, 1, 2), "Terrorists killed", null) { Killed = CasualtyCount.Exactly(90) })
                    .Add(new SourceReference("Dawn", new DateOnly(2020, 1, 3), "Toll rises", null) { Killed = CasualtyCount.Exactly(12) }),
            });
            // Edits of single fields (the killed figure twice, the place, yes/no and real-number fields, notes).
            var recount = db.Incidents.Find(recounted)!;
            db.Incidents.Update(recounted, recount.Revision, new ChangeContext("analyst:amina", "recount"),
                i => i with { Killed = CasualtyCount.Exactly(20), Place = i.Place with { Location = "Bazaar" } });
            Clock.Advance(TimeSpan.FromMinutes(1));
            recount = db.Incidents.Find(recounted)!;
            db.Incidents.Update(recounted, recount.Revision, new ChangeContext("analyst:amina", "recount again"),
                i => i with { Killed = new CasualtyCount(20, 25, 31, "20 to 31", null) });
            var describe = db.Incidents.Find(redescribed)!;
            db.Incidents.Update(redescribed, describe.Revision, new ChangeContext("analyst:amina", "details"),
                i => i with { Suicide = true, Notes = "a suicide bomber", Place = i.Place with { Latitude = 34.0151, Longitude = 71.5249 } });
            // The registry changes: the dataset regraded (its records' grades follow), the outlet graded.
            db.Sources.Edit(Ucdp, e => e with { Reliability = 'E' }, new ChangeContext("analyst:amina", "regraded"));
            db.Sources.Add(new SourceEntry { Key = "dawn", Name = "Dawn", Type = SourceType.IndependentMedia, Reliability = 'A' },
                new ChangeContext("analyst:amina", "graded"));
            var gone = db.Incidents.Find(deletedLater)!;
            db.Incidents.Delete(gone.Id, gone.Revision, new ChangeContext("analyst:amina", "not an attack"));
            var ids = db.Candidates.Add([new ExtractionCandidate(0, "n1", "The News", "https://news.example/1", "2020-01-02", "report",
                "killed 3", "three killed", "{}", CandidateStatus.Pending, null, "", null, null)]);
            db.Candidates.MergeInto(ids, mergedInto, "analyst:amina", "same event",
                (_, i) => i with { Killed = CasualtyCount.Exactly(30), Sources = i.Sources.Add(new SourceReference("The News", null, "Thirty killed", "https://news.example/1")) });
            var linked = db.Links.List(new LinkQuery { Status = LinkStatus.Linked, Limit = 1 }).Links[0];
            db.Links.SetStatus(linked.Id, LinkStatus.Rejected, "analyst:amina", "different attacks");
            db.Links.RemoveBetween(Pbc, Ucdp);
            Clock.Advance(TimeSpan.FromMinutes(1));
            new DatasetLinking(db, Clock).Link(new DatasetLinkRequest(Pbc, Ucdp, 2, "tester"));
            db.Datasets.SetPrimary(Pbc);
            var ucdp = db.Datasets.Find(Ucdp)!;
            db.Datasets.Save(ucdp with { Description = "edited after the moment", Coverage = ucdp.Coverage with { Countries = ["Pakistan", "Afghanistan"] } });
            new Importer(db.Incidents, IncidentNormalizer.Bundled()).Import(RepoFiles.BundledUcdpCandidate, new ImportOptions { Author = "test", Format = "ucdp-candidate" }, cancellationToken: TestContext.Current.CancellationToken);
            db.Incidents.Create(new Incident { Date = IncidentDate.OnDay(new DateOnly(2015, 3, 1)), Place = new Place { Country = "Pakistan", Admin1 = "Punjab" }, Killed = CasualtyCount.Exactly(4) },
                new ChangeContext("analyst:amina", "entered by hand"));
        }

        using var past = location.OpenAsOf(moment, Clock);
        using var then = copy.Open(Clock);
        Assert.Equal(moment, past.AsOf);
        // The changes are there now, and not in the answers as of the moment.
        using (var now = location.Open(Clock))
        {
            Assert.NotEqual(Everything(now), Everything(then));
            Assert.NotEqual(Text(now.Sources.List()), Text(then.Sources.List()));
        }
        Assert.Equal(Everything(then), Everything(past));
        foreach (var id in new[] { edited, deletedLater, mergedInto, claimed, recounted, redescribed, cited })
            Assert.Equal(Text(then.Incidents.GetRevisions(id)), Text(past.Incidents.GetRevisions(id)));
        // The one difference allowed: the scopes' labels say the answers are as of the moment.
        var label = ", as of " + Moment.Label(moment);
        Assert.Equal(Answers(then), Answers(past).Select(a => a.Replace(label, "", StringComparison.Ordinal)));
        Assert.Contains(Answers(past), a => a.Contains(label, StringComparison.Ordinal));
    }

    /// <summary>Every incident, deleted ones too, each field in its text form with its sources, in id order.</summary>
    private static List<string> Everything(IVigilDatabase db) =>
        [.. db.Incidents.Query(IncidentQuery.All with { IncludeDeleted = true, Sort = IncidentSort.Id }, includeSources: true)
            .Select(i => string.Join("|", IncidentFields.All.Select(f => f.Get(i))))];

    private static List<string> Answers(IVigilDatabase db)
    {
        var reference = ReferenceData.Bundled;
        var answers = new List<string>
        {
            Text(db.Datasets.List()),
            Text(db.Links.List(new LinkQuery { Limit = 10_000 })),
            Text(db.Incidents.GetImports()),
            Text(db.Incidents.GetInfo() with { Location = "" }),
            Text(db.Sources.List()),
            Text(db.Sources.History(Ucdp)),
            Text(db.Sources.History("dawn")),
        };
        foreach (var scope in Scopes)
        {
            foreach (var (unit, breakdown) in new[] { (PeriodUnit.Month, GroupBy.None), (PeriodUnit.Year, GroupBy.Province), (PeriodUnit.Week, GroupBy.District) })
            {
                var series = new SeriesFigures(db, reference).Run(new SeriesFiguresRequest(scope, unit, breakdown)).Series;
                answers.Add(Text(series.Points().ToList()));
                answers.Add(Text(series.Keys));
            }
            var resolved = new ScopeParser(reference).Resolve(scope, db.Datasets);
            answers.Add(Text(db.Incidents.QueryIds(resolved.Query with { Limit = 200, Sort = IncidentSort.Killed, Descending = true })));
            answers.Add(db.Incidents.Count(resolved.Query).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var checks = new ClaimChecks(db, reference);
        foreach (var metric in new[] { ClaimMetric.Attacks, ClaimMetric.Killed })
        {
            foreach (var datasets in new[] { Array.Empty<string>(), [Pbc, Ucdp] })
            {
                answers.Add(Text(checks.Check(new Claim
                {
                    Metric = metric,
                    Period = Period.Parse("2014"),
                    Value = 100,
                    Scope = new ClaimScope { Province = "Khyber Pakhtunkhwa", Datasets = datasets },
                })));
            }
        }
        var report = new MonthlyReports(db, reference, new TestClock()).Build(new MonthlyReportRequest { Month = "2014-12", Datasets = [Pbc, Ucdp] });
        answers.Add(Text(report.Report));
        return answers;
    }

    private static string Text<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static DatabaseLocation DatasetLocation(string text) => DatabaseLocation.Parse(text);
}

public sealed class SqliteAsOfTests : AsOfContract
{
    protected override string FreshLocation() => LinkedDatabases.Sqlite(Dir);

    protected override string EmptyLocation() => "sqlite:" + Dir.File("restored.db");
}

public sealed class PostgresAsOfTests : AsOfContract
{
    protected override string FreshLocation() => LinkedDatabases.Postgres();

    protected override string EmptyLocation() => "postgres:" + PostgresServer.CreateDatabase();
}
