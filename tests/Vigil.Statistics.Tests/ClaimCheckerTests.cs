using Vigil.Domain.Claims;
using Vigil.Domain.Datasets;
using Vigil.Domain.Time;
using Vigil.Statistics.Claims;
using Vigil.Storage;

namespace Vigil.Statistics.Tests;

/// <summary>Claims checked on the bundled UCDP data, with expected figures computed from the CSV by the test.</summary>
public sealed class ClaimCheckerTests(UcdpFixture ucdp) : IClassFixture<UcdpFixture>
{
    private ScopedChecker Checker => new(ucdp.Store);

    /// <summary>The checker over the bundled UCDP GED data as its one dataset, covering the years of its data.</summary>
    private sealed class ScopedChecker(IIncidentStore store)
    {
        public ClaimCheck Check(Claim claim)
        {
            var query = Scopes.Bundled.ToQuery(claim.Scope) with { Datasets = ["ucdp-ged"] };
            var (first, last) = store.DateRange(IncidentQuery.All);
            var known = KnownDatasets.For("ucdp-ged");
            var ucdp = known with { Coverage = known.Coverage with { DataFrom = first, DataTo = last } };
            return new ClaimChecker(store).Check(claim, query, Coverage.For([ucdp], query));
        }
    }

    private long KilledIn(Period p, string? province = null) =>
        ucdp.Rows.Where(r => p.Contains(r.Start) && (province is null || r.Province == province)).Sum(r => r.Best);

    private Period Deadliest2014 => Enumerable.Range(1, 12).Select(m => Period.Parse($"2014-{m:00}")).MaxBy(p => KilledIn(p));

    [Fact]
    public void A_true_claim_is_supported_with_the_computed_value()
    {
        var month = Deadliest2014;
        var check = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Value = KilledIn(month) });

        Assert.Equal(Verdict.Supported, check.Verdict);
        var part = Assert.Single(check.Parts);
        Assert.Equal(KilledIn(month), part.Computed);
        Assert.Equal(0, part.Difference);
        Assert.Equal(ucdp.Rows.Count(r => month.Contains(r.Start)), check.IncidentIds.Count);
    }

    [Fact]
    public void A_figure_for_the_civilians_killed_is_checked_against_the_civilians_not_all_the_dead()
    {
        var month = Deadliest2014;
        var civilians = ucdp.Rows.Where(r => month.Contains(r.Start)).Sum(r => r.Civilians);
        Assert.NotEqual(KilledIn(month), civilians);
        Claim Civilians(double value) => new() { Metric = ClaimMetric.Killed, Period = month, Value = value, Scope = new ClaimScope { Victims = "civilians" } };

        var right = Checker.Check(Civilians(civilians));
        var total = Checker.Check(Civilians(KilledIn(month)));

        Assert.Equal(Verdict.Supported, right.Verdict);
        Assert.Equal(civilians, Assert.Single(right.Parts).Computed);
        // The month's total of all the dead, said of the civilians, is no support.
        Assert.Equal(Verdict.Contradicted, total.Verdict);
        Assert.Contains("civilians killed", total.Parts[0].Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("security forces", ClaimMetric.Injured)]
    [InlineData("police", ClaimMetric.Killed)]
    public void A_group_figure_no_dataset_breaks_down_is_not_checkable(string victims, ClaimMetric metric)
    {
        var month = Deadliest2014;
        var check = Checker.Check(new Claim { Metric = metric, Period = month, Value = 5, Scope = new ClaimScope { Victims = victims } });

        Assert.Equal(Verdict.NotCheckable, check.Verdict);
        Assert.Contains($"only {victims}", Assert.Single(check.Parts).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_false_claim_is_contradicted_with_the_difference()
    {
        var month = Deadliest2014;
        var claimed = KilledIn(month) * 3;

        var check = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Value = claimed });

        Assert.Equal(Verdict.Contradicted, check.Verdict);
        Assert.Equal(KilledIn(month) - claimed, check.Parts[0].Difference);
    }

    [Fact]
    public void The_seed_editorials_January_2023_figures_are_not_checkable_against_data_ending_in_2021()
    {
        var january = Period.Parse("2023-01");
        Claim[] claims =
        [
            new() { Metric = ClaimMetric.Killed, Period = january, Value = 134, Comparison = new ChangeComparison(139) },
            new() { Metric = ClaimMetric.Injured, Period = january, Value = 254 },
            new() { Metric = ClaimMetric.Attacks, Period = january, Value = 44, Qualifier = ValueQualifier.AtLeast },
            new() { Metric = ClaimMetric.Killed, Period = january, Comparison = new RecordComparison(Period.Parse("2018-07"), OneOf: true) },
            new() { Metric = ClaimMetric.Attacks, Period = Period.Parse("2022"), Value = 100, Qualifier = ValueQualifier.MoreThan, Scope = new ClaimScope { Actor = "TTP" } },
        ];

        foreach (var check in claims.Select(Checker.Check))
        {
            Assert.Equal(Verdict.NotCheckable, check.Verdict);
            Assert.Contains("2021-12-31", check.Parts[0].Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Injuries_are_not_checkable_in_a_dataset_that_records_none()
    {
        var check = Checker.Check(new Claim { Metric = ClaimMetric.Injured, Period = Deadliest2014, Value = 100 });

        Assert.Equal(Verdict.NotCheckable, check.Verdict);
        Assert.Contains("injured is not recorded by UCDP GED", check.Parts[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_percent_change_is_checked_against_the_month_before_within_five_points()
    {
        var month = Enumerable.Range(0, 60).Select(i => Period.Parse("2010-01").Shift(i)).First(p => KilledIn(p.Previous()) > 0 && KilledIn(p) > KilledIn(p.Previous()));
        var percent = Math.Round(100.0 * (KilledIn(month) - KilledIn(month.Previous())) / KilledIn(month.Previous()), 1);

        var right = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Comparison = new ChangeComparison(percent + 4) });
        var wrong = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Comparison = new ChangeComparison(percent + 50) });

        Assert.Equal(Verdict.Supported, right.Verdict);
        Assert.Equal(percent, right.Parts[0].Computed);
        Assert.Equal(Verdict.Contradicted, wrong.Verdict);
    }

    [Fact]
    public void A_record_claim_holds_back_to_the_last_higher_month_and_no_further()
    {
        // Find, from the CSV, a month whose most recent strictly higher month lies more than a year back.
        var months = Enumerable.Range(0, 12 * 32).Select(i => Period.Parse("1990-01").Shift(i)).ToList();
        var (month, since) = months.Select((m, i) => (m, since: months.Take(i).LastOrDefault(e => KilledIn(e) > KilledIn(m))))
            .First(x => x.since != default && KilledIn(x.m) > 0 && x.since.Start < x.m.Start.AddMonths(-12)
                        && months.SkipWhile(e => e != x.since).Skip(1).TakeWhile(e => e != x.m).All(e => KilledIn(e) < KilledIn(x.m)));

        var holds = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Comparison = new RecordComparison(since) });
        var tooFar = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Comparison = new RecordComparison(since.Previous()) });

        Assert.Equal(Verdict.Supported, holds.Verdict);
        Assert.Equal(Verdict.Contradicted, tooFar.Verdict);
        Assert.Contains(since.Name, tooFar.Parts[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ranked_record_holds_only_at_its_rank_among_the_months_of_the_year()
    {
        // From the CSV: a 2014 month that is the second deadliest of 2014 up to itself (one earlier month higher).
        var months = Enumerable.Range(1, 12).Select(m => Period.Parse($"2014-{m:00}")).ToList();
        var month = months.First(m => months.Where(e => e.CompareTo(m) < 0).Count(e => KilledIn(e) > KilledIn(m)) == 1);
        var before2014 = Period.Parse("2013-12");

        Claim Ranked(int rank) => new() { Metric = ClaimMetric.Killed, Period = month, Comparison = new RecordComparison(before2014, Rank: rank) };

        var second = Checker.Check(Ranked(2));
        Assert.Equal(Verdict.Supported, second.Verdict);
        Assert.Equal(2, second.Parts[0].Computed);
        Assert.Equal(Verdict.Contradicted, Checker.Check(Ranked(3)).Verdict);
        // Rank 1 is the plain record: also contradicted, by the one higher month.
        Assert.Equal(Verdict.Contradicted, Checker.Check(Ranked(1)).Verdict);
    }

    [Fact]
    public void A_stated_baseline_is_checked_like_the_claims_own_figure()
    {
        var month = Deadliest2014;
        var before = month.Previous();
        var right = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Value = KilledIn(month), Baseline = new StatedBaseline(before, KilledIn(before)) });
        var wrong = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Value = KilledIn(month), Baseline = new StatedBaseline(before, KilledIn(before) * 2 + 20) });
        var uncovered = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Value = KilledIn(month), Baseline = new StatedBaseline(Period.Parse("1960-01"), 3) });

        Assert.Equal(Verdict.Supported, right.Verdict);
        Assert.Equal(KilledIn(before), right.Parts[1].Computed);
        Assert.StartsWith("baseline:", right.Parts[1].What, StringComparison.Ordinal);
        Assert.Equal((Verdict.Supported, Verdict.Contradicted), (wrong.Parts[0].Verdict, wrong.Parts[1].Verdict));
        Assert.Equal(Verdict.Contradicted, wrong.Verdict);
        Assert.Equal(Verdict.NotCheckable, uncovered.Parts[1].Verdict);
    }

    [Fact]
    public void A_half_year_claim_counts_january_to_june()
    {
        var half = Period.Parse("2014-H1");
        var killed = Enumerable.Range(1, 6).Sum(m => KilledIn(Period.Parse($"2014-{m:00}")));

        var check = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = half, Value = killed });

        Assert.Equal(Verdict.Supported, check.Verdict);
        Assert.Equal(killed, check.Parts[0].Computed);
    }

    [Fact]
    public void Rank_and_baseline_survive_the_json_of_a_claim()
    {
        var claim = new Claim
        {
            Metric = ClaimMetric.Killed,
            Period = Period.Parse("2023-11"),
            Value = 124,
            Scope = new ClaimScope { Region = "former-fata", Categories = ["militant-attack"], Victims = "civilians" },
            Comparison = new RecordComparison(Period.Parse("2022-12"), Rank: 2),
            Baseline = new StatedBaseline(Period.Parse("2023-10"), 69, ValueQualifier.AtLeast),
        };

        var back = Assert.Single(ClaimJson.ParseMany(ClaimJson.ToJson(claim).ToJsonString(), "claim.json"));

        Assert.Equal(claim.Comparison, back.Comparison);
        Assert.Equal(claim.Baseline, back.Baseline);
        Assert.Equal((claim.Scope.Region, claim.Scope.Victims), (back.Scope.Region, back.Scope.Victims));
        Assert.Equal(claim.Scope.Categories, back.Scope.Categories);
    }

    [Theory]
    [InlineData("""{"metric": "killed", "period": "2023-11", "comparison": {"kind": "record", "since": "2022-12", "rank": 2.5}}""", "comparison.rank")]
    [InlineData("""{"metric": "killed", "period": "2023-11", "comparison": {"kind": "record", "since": "2022-12", "top": 99999999999}}""", "comparison.top")]
    [InlineData("""{"metric": "killed", "period": "2023-11", "baseline": {"period": "2023-10"}}""", "baseline.value")]
    [InlineData("""{"metric": "killed", "period": "2023-11", "evidence": {"start": "x", "end": 3}}""", "evidence.start")]
    public void A_bad_number_in_a_claim_is_refused_naming_its_field(string json, string field)
    {
        var e = Assert.Throws<Vigil.Domain.Errors.InputException>(() => ClaimJson.ParseMany(json, "claim.json"));
        Assert.Equal(field, e.Location.Field);
    }

    [Fact]
    public void A_claim_read_from_json_is_checked_like_one_given_by_hand()
    {
        var month = Deadliest2014;
        var json = $$"""{"metric": "killed", "value": {{KilledIn(month)}}, "period": "{{month.Label}}", "scope": {"country": "Pakistan"} }""";

        var claim = Assert.Single(ClaimJson.ParseMany(json, "claims.json"));

        Assert.Equal(Verdict.Supported, Checker.Check(claim).Verdict);
    }
}
