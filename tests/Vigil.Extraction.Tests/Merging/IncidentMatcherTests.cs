using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Merging;

namespace Vigil.Extraction.Tests.Merging;

public class IncidentMatcherTests
{
    private static readonly DateOnly Day = new(2021, 12, 20);

    private static ExtractedReport Report(string id, string text, DateOnly published) =>
        ArticleExtractor.Bundled.ExtractReport(new Article(id, text, published)) ?? throw new InvalidOperationException($"no report from {id}");

    // As UCDP codes an Islamic State attack in Peshawar: an armed clash, the government as side A, IS as side B (the target).
    private static Incident Ucdp(long id, DateOnly day, string district = "Peshawar", int killed = 3, string target = "IS", DatePrecision precision = DatePrecision.Day,
        DateOnly? end = null) => new()
        {
            Id = id,
            SourceRecord = new SourceRecordKey("ucdp-ged", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Date = new IncidentDate(day, end ?? day, precision),
            Place = new Place { Country = "Pakistan", Admin1 = "Khyber Pakhtunkhwa", Admin2 = district },
            EventType = EventType.ArmedClash,
            Perpetrator = new ActorRef("Government of Pakistan", "Government of Pakistan"),
            Target = new ActorRef(target, target),
            Killed = CasualtyCount.Exactly(killed),
        };

    private static readonly ExtractedReport[] Raid =
    [
        Report("u1", "Three people were killed in Peshawar on Monday when security forces raided an Islamic State hideout, police said.", Day.AddDays(1)),
        Report("u2", "Security forces killed three militants of the Islamic State in an operation in Peshawar yesterday.", Day.AddDays(1)),
    ];

    private sealed class Store(params Incident[] incidents)
    {
        public List<(string District, DateOnly From, DateOnly To)> Reads { get; } = [];

        public IEnumerable<Incident> In(string district, DateOnly from, DateOnly to)
        {
            Reads.Add((district, from, to));
            return incidents.Where(i => string.Equals(i.Place.Admin2, district, StringComparison.OrdinalIgnoreCase) && i.Date.Start >= from && i.Date.Start <= to);
        }
    }

    private static (List<MergePlanEntry> Plan, MatchCounts Counts) Match(Store store, params ExtractedReport[] reports) =>
        new IncidentMatcher(new MergeRule()).Match(new ReportMerger(new MergeRule()).Cluster(reports), store.In);

    [Fact]
    public void Two_news_reports_of_a_raid_match_the_ucdp_record_of_it_despite_its_coarse_type_and_dyad()
    {
        var store = new Store(Ucdp(6321, Day), Ucdp(6322, Day, district: "Kech", target: "BRAS"), Ucdp(6323, Day.AddDays(9)));
        var (plan, counts) = Match(store, Raid);

        var entry = Assert.Single(plan);
        Assert.Equal(6321, entry.Into?.Id);
        Assert.Contains("district Peshawar", entry.Why, StringComparison.Ordinal);
        Assert.Equal(2, counts.Comparisons); // both reports against the one incident of their block; Kech and 9 days later never compared
        Assert.Equal(("Peshawar", 1), (store.Reads.Single().District, counts.Blocks));
    }

    [Fact]
    public void A_report_whose_group_is_not_either_side_or_whose_toll_is_far_off_matches_nothing()
    {
        var other = Match(new Store(Ucdp(1, Day, target: "BLA")), Raid);
        Assert.Null(Assert.Single(other.Plan).Into);
        var far = Match(new Store(Ucdp(1, Day, killed: 40)), Raid);
        Assert.Null(Assert.Single(far.Plan).Into);
        Assert.Contains("no stored incident matches", far.Plan[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_stored_incidents_matching_equally_leave_the_cluster_for_an_analyst()
    {
        var (plan, _) = Match(new Store(Ucdp(1, Day), Ucdp(2, Day)), Raid);
        var entry = Assert.Single(plan);
        Assert.True(entry.Ambiguous);
        Assert.Null(entry.Into);
        Assert.Equal([1L, 2L], entry.AlsoMatched);
    }

    [Fact]
    public void The_nearer_of_two_matching_incidents_wins_and_a_month_dated_record_is_never_matched()
    {
        var (plan, _) = Match(new Store(Ucdp(1, Day.AddDays(-1)), Ucdp(2, Day), Ucdp(3, new DateOnly(2021, 12, 1), precision: DatePrecision.Month, end: new DateOnly(2021, 12, 31))), Raid);
        var entry = Assert.Single(plan);
        Assert.Equal(2, entry.Into?.Id);
        Assert.Equal([2L, 1L], entry.AlsoMatched);
    }

    [Fact]
    public void Records_of_two_datasets_are_paired_event_by_event_and_a_record_is_never_its_own_match()
    {
        var pbc = Ucdp(7001, Day, killed: 4) with { SourceRecord = new SourceRecordKey("pbc-suicide", "1"), EventType = EventType.SuicideBombing, Perpetrator = null, Target = null };
        var store = new Store(Ucdp(1, Day, killed: 5), Ucdp(2, Day.AddDays(5)), pbc);
        var (matches, _) = new IncidentMatcher(new MergeRule()).MatchRecords([pbc], store.In);
        Assert.Equal(1, Assert.Single(matches).Match?.Id);

        // The UCDP record against its own dataset: only itself is there on its day, so nothing matches.
        var (self, _) = new IncidentMatcher(new MergeRule()).MatchRecords([Ucdp(2, Day.AddDays(5))], store.In);
        Assert.Null(Assert.Single(self).Match);
    }

    [Fact]
    public void Reports_far_apart_in_one_district_are_read_in_separate_blocks_and_never_compared_all_pairs()
    {
        var incidents = Enumerable.Range(0, 200).Select(i => Ucdp(1000 + i, Day.AddDays(-400 + (2 * i)))).ToArray();
        var store = new Store(incidents);
        var reports = Enumerable.Range(0, 40).Select(i => Raid[0] with { ArticleId = $"r{i}", Date = Raid[0].Date! with { Value = IncidentDate.OnDay(Day.AddDays(-400 + (20 * i))) } }).ToArray();
        var (plan, counts) = Match(store, reports);

        Assert.Equal(40, plan.Count);
        Assert.Equal(40, counts.Blocks);
        // Each report is compared only with the incidents of its own date window (at most two: ±1 day at a 2-day spacing), not with all 200.
        Assert.True(counts.Comparisons <= 2 * 40, $"{counts.Comparisons} comparisons");
        Assert.True(counts.IncidentsRead < 40 * 10, $"{counts.IncidentsRead} incidents read");
    }
}
