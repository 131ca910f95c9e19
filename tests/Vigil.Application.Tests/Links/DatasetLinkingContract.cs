using Vigil.Application.Compare;
using Vigil.Application.Links;
using Vigil.Domain.Errors;
using Vigil.Storage;
using Vigil.Storage.Backends;
using Vigil.TestSupport;

namespace Vigil.Application.Tests.Links;

/// <summary>
/// Linking PBC's suicide attacks with UCDP GED on the real files, on each back-end: what is linked, that it is what
/// <c>compare --events</c> finds, that runs are idempotent, that rejections hold and undo removes.
/// </summary>
public abstract class DatasetLinkingContract : IDisposable
{
    private const string Pbc = "pbc-suicide";
    private const string Ucdp = "ucdp-ged";

    protected TestClock Clock { get; } = new();

    protected TempDirectory Dir { get; } = new();

    /// <summary>A location ("sqlite:..." or "postgres:...") of a fresh copy of the two imported files.</summary>
    protected abstract string FreshLocation();

    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    private IVigilDatabase Open() => DatabaseLocation.Parse(FreshLocation()).Open(Clock);

    private DatasetLinkResult Build(IVigilDatabase db, string a = Pbc, string b = Ucdp) =>
        new DatasetLinking(db, Clock).Link(new DatasetLinkRequest(a, b, 1, "tester"));

    [Fact]
    public void The_Army_Public_School_attack_is_linked_across_PBC_and_UCDP()
    {
        using var db = Open();
        Build(db);

        var day = new DateOnly(2014, 12, 16);
        var pbc = db.Incidents.Query(IncidentQuery.All with { Datasets = [Pbc], From = day, To = day, Districts = ["Peshawar"] })
            .Single(i => i.Killed.Best == 148);
        var link = Assert.Single(db.Links.LinkedWith(pbc.Id));
        var ucdp = db.Incidents.Find(link.OtherThan(pbc.Id))!;
        Assert.Equal((Ucdp, day, 146), (ucdp.SourceRecord!.Dataset, ucdp.Date.Start, ucdp.Killed.Best));
        Assert.Equal(LinkStatus.Linked, link.Status);
        Assert.Contains("district Peshawar", link.Reason, StringComparison.Ordinal);
        Assert.Equal(pbc.Id < ucdp.Id ? Pbc : Ucdp, link.DatasetA);
    }

    [Fact]
    public void The_links_are_the_pairs_compare_events_reports_and_ambiguous_records_are_stored_as_ambiguous()
    {
        using var db = Open();
        var compared = new DatasetEventComparer(db.Incidents).Compare(new EventComparisonRequest(
            IncidentQuery.All with { Datasets = [Pbc] }, IncidentQuery.All with { Datasets = [Ucdp] }, 1));

        var r = Build(db);

        Assert.True(compared.Matched.Count > 150, $"compare --events found only {compared.Matched.Count}");
        Assert.Equal(compared.Matched.Count, r.Linked);
        Assert.Equal(compared.Matched.Count, r.Matched);
        var linked = db.Links.List(new LinkQuery { Datasets = [Ucdp, Pbc], Status = LinkStatus.Linked, Limit = 10_000 });
        Assert.Equal(r.Linked, linked.Total);
        Assert.Equal(
            compared.Matched.Select(m => (Math.Min(m.Record.Id, m.Match!.Id), Math.Max(m.Record.Id, m.Match.Id))).Order(),
            linked.Links.Select(l => (l.IncidentA, l.IncidentB)).Order());

        var ambiguous = db.Links.List(new LinkQuery { Datasets = [Pbc], Status = LinkStatus.Ambiguous, Limit = 10_000 });
        Assert.True(compared.Ambiguous > 0, "the real files have ambiguous records; the test needs some");
        Assert.Equal(compared.Ambiguous, r.AmbiguousRecords);
        Assert.Equal(r.Ambiguous, ambiguous.Total);
        var pbcIds = db.Incidents.QueryIds(IncidentQuery.All with { Datasets = [Pbc] }).ToHashSet();
        Assert.Equal(compared.Ambiguous, ambiguous.Links.Select(l => pbcIds.Contains(l.IncidentA) ? l.IncidentA : l.IncidentB).Distinct().Count());
        Assert.All(ambiguous.Links, l => Assert.StartsWith("ambiguous:", l.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Building_again_adds_nothing_and_leaves_the_data_version()
    {
        using var db = Open();
        var before = db.Incidents.DataVersion();
        var first = Build(db);
        var afterFirst = db.Incidents.DataVersion();

        var second = Build(db);
        var afterSecond = db.Incidents.DataVersion();
        var total = db.Links.List(new LinkQuery()).Total;
        // From UCDP's side the same pairs come up again (stored lowest id first, so either order is one pair).
        var reverse = Build(db, Ucdp, Pbc);

        Assert.True(afterFirst > before, "storing links must raise the data version");
        Assert.Equal((0, 0, first.Linked + first.Ambiguous), (second.Linked, second.Ambiguous, second.AlreadyLinked));
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal(first.Linked + first.Ambiguous, total);
        Assert.True(reverse.AlreadyLinked > first.Linked / 2, $"only {reverse.AlreadyLinked} of UCDP's matches were known pairs");
        Assert.Equal(total + reverse.Linked + reverse.Ambiguous, db.Links.List(new LinkQuery()).Total);
    }

    [Fact]
    public void A_rejected_pair_is_not_linked_again_not_even_after_an_undo()
    {
        using var db = Open();
        var first = Build(db);
        var victim = db.Links.List(new LinkQuery { Status = LinkStatus.Linked, Limit = 1 }).Links[0];

        var rejected = db.Links.SetStatus(victim.Id, LinkStatus.Rejected, "amina", "two attacks that day");
        var again = Build(db);
        var removed = db.Links.RemoveBetween(Ucdp, Pbc);
        var rebuilt = Build(db);

        Assert.Equal((LinkStatus.Rejected, "amina", "two attacks that day"), (rejected.Status, rejected.DecidedBy, rejected.DecisionReason));
        Assert.Equal(1, again.SkippedRejected);
        Assert.Equal(first.Linked + first.Ambiguous - 1, removed);
        Assert.Equal((first.Linked - 1, 1), (rebuilt.Linked, rebuilt.SkippedRejected));
        Assert.Equal(LinkStatus.Rejected, db.Links.Get(victim.Id)!.Status);
        Assert.DoesNotContain(db.Links.LinkedWith(victim.IncidentA), l => l.Id == victim.Id);
    }

    [Fact]
    public void Undo_removes_the_runs_links_and_raises_the_data_version()
    {
        using var db = Open();
        var first = Build(db);
        var version = db.Incidents.DataVersion();

        var removed = db.Links.RemoveBetween(Pbc, Ucdp);

        Assert.Equal(first.Linked + first.Ambiguous, removed);
        Assert.Equal(0, db.Links.List(new LinkQuery()).Total);
        Assert.True(db.Incidents.DataVersion() > version);
        Assert.Equal(0, db.Links.RemoveBetween(Pbc, Ucdp));
    }

    [Fact]
    public void An_analyst_confirms_an_ambiguous_pair_and_cannot_confirm_it_twice_or_decide_an_unknown_link()
    {
        using var db = Open();
        Build(db);
        var pair = db.Links.List(new LinkQuery { Status = LinkStatus.Ambiguous, Limit = 1 }).Links[0];

        var confirmed = db.Links.SetStatus(pair.Id, LinkStatus.Linked, "amina", null);

        Assert.Equal(LinkStatus.Linked, confirmed.Status);
        Assert.Contains(db.Links.LinkedWith(pair.IncidentB), l => l.Id == pair.Id);
        Assert.Throws<VigilException>(() => db.Links.SetStatus(pair.Id, LinkStatus.Linked, "amina", null));
        Assert.Throws<NotFoundException>(() => db.Links.SetStatus(999_999, LinkStatus.Rejected, "amina", null));
        var page = db.Links.List(new LinkQuery { IncidentId = pair.IncidentA, Limit = 500 });
        Assert.Contains(page.Links, l => l.Id == pair.Id);
    }

    [Theory]
    [InlineData("no-such-dataset", Ucdp, "dataset")]
    [InlineData(Ucdp, "UCDP-GED", "dataset")]
    [InlineData("", Ucdp, "dataset")]
    public void Bad_datasets_are_refused_naming_the_field(string a, string b, string field)
    {
        using var db = Open();
        var e = Assert.Throws<FieldException>(() => Build(db, a, b));
        Assert.Equal(field, e.Field);
        Assert.Throws<FieldException>(() => new DatasetLinking(db, Clock).Link(new DatasetLinkRequest(Pbc, Ucdp, 31)));
        Assert.Equal(0, db.Links.List(new LinkQuery()).Total);
    }
}

public sealed class SqliteDatasetLinkingTests : DatasetLinkingContract
{
    protected override string FreshLocation() => LinkedDatabases.Sqlite(Dir);
}

public sealed class PostgresDatasetLinkingTests : DatasetLinkingContract
{
    protected override string FreshLocation() => LinkedDatabases.Postgres();
}
