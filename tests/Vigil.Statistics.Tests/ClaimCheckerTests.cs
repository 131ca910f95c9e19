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

    [Theory]
    [InlineData("security forces")]
    [InlineData("militants")]
    [InlineData("civilians")]
    public void A_figure_for_one_group_of_the_dead_is_not_checked_against_all_the_dead(string victims)
    {
        var month = Deadliest2014;

        // Even the total itself, said of one group, is no support: the claim and the data would mean different things.
        var check = Checker.Check(new Claim { Metric = ClaimMetric.Killed, Period = month, Value = KilledIn(month), Scope = new ClaimScope { Victims = victims } });

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
    public void A_claim_read_from_json_is_checked_like_one_given_by_hand()
    {
        var month = Deadliest2014;
        var json = $$"""{"metric": "killed", "value": {{KilledIn(month)}}, "period": "{{month.Label}}", "scope": {"country": "Pakistan"} }""";

        var claim = Assert.Single(ClaimJson.ParseMany(json, "claims.json"));

        Assert.Equal(Verdict.Supported, Checker.Check(claim).Verdict);
    }
}
