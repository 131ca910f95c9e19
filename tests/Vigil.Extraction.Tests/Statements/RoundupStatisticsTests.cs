using Vigil.Domain.Claims;
using Vigil.Domain.Time;
using Vigil.Extraction.Input;

namespace Vigil.Extraction.Tests.Statements;

/// <summary>Statistics as roundups state them: each test is one rule, tried on more than one wording.</summary>
public class RoundupStatisticsTests
{
    private static List<Claim> Claims(string text, string published, string? title = null) =>
        ArticleExtractor.Bundled.Extract(new Article("t", text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), Title: title)).Claims.ToList();

    private static Claim One(List<Claim> claims, ClaimMetric metric, double value) => Assert.Single(claims, c => c.Metric == metric && c.Value == value);

    [Theory]
    [InlineData("The country saw 63 militant attacks in October.", "2023-11-02", "2023-10")]
    [InlineData("Militants carried out 40 attacks during November.", "2023-11-30", "2023-11")]
    [InlineData("The institute recorded 12 militant attacks in December.", "2024-01-03", "2023-12")]
    public void A_bare_month_is_the_latest_such_month_on_or_before_publication(string text, string published, string period) =>
        Assert.Equal(Period.Parse(period), One(Claims(text, published), ClaimMetric.Attacks, text.Contains("63", StringComparison.Ordinal) ? 63 : text.Contains("40", StringComparison.Ordinal) ? 40 : 12).Period);

    [Theory]
    [InlineData("Pakistan saw 36 militant attacks in the 12th month of 2022.", "2023-01-02", "2022-12")]
    [InlineData("Pakistan saw 36 militant attacks in the seventh month of the year.", "2023-08-02", "2023-07")]
    public void An_ordinal_month_is_that_month_of_the_year_named(string text, string published, string period) =>
        Assert.Equal(Period.Parse(period), One(Claims(text, published), ClaimMetric.Attacks, 36).Period);

    [Theory]
    [InlineData("In the second quarter of 2023, the country recorded 150 militant attacks.", "2023-07-03", "2023-Q2")]
    [InlineData("The country recorded 150 militant attacks in Q1 2022.", "2022-04-03", "2022-Q1")]
    public void A_quarter_is_a_period(string text, string published, string period) =>
        Assert.Equal(Period.Parse(period), One(Claims(text, published), ClaimMetric.Attacks, 150).Period);

    [Theory]
    [InlineData("The month saw 63 militant attacks. These claimed 83 lives and injured 89.")]
    [InlineData("The month saw 63 militant attacks. The attacks killed 83 people and wounded 89 others.")]
    public void Figures_in_the_next_sentence_take_the_period_of_the_headline(string text)
    {
        var claims = Claims(text, "2023-12-01", "November 2023 security report");
        Assert.All(claims, c => Assert.Equal(Period.Parse("2023-11"), c.Period));
        One(claims, ClaimMetric.Attacks, 63);
        One(claims, ClaimMetric.Killed, 83);
        One(claims, ClaimMetric.Injured, 89);
    }

    [Fact]
    public void A_sentence_dated_to_a_day_takes_no_period_from_its_neighbours()
    {
        var claims = Claims("Pakistan saw 40 militant attacks in May 2023. On Monday, a blast killed 5 people in Quetta.", "2023-06-06");
        Assert.DoesNotContain(claims, c => c.Metric == ClaimMetric.Killed);
    }

    [Theory]
    [InlineData("There were 93 violent incidents (militant attacks and security-force actions combined) in March 2022.")]
    [InlineData("In March 2022, 93 violent incidents took place across the country.")]
    public void Violent_incidents_include_security_force_actions(string text)
    {
        var c = One(Claims(text, "2022-04-02"), ClaimMetric.Attacks, 93);
        Assert.Contains("security-operation", c.Scope.Categories);
        Assert.Contains("militant-attack", c.Scope.Categories);
    }

    [Fact]
    public void Militant_attacks_keep_the_attacks_rule() =>
        Assert.Empty(One(Claims("Pakistan saw 44 militant attacks in January 2023.", "2023-02-01"), ClaimMetric.Attacks, 44).Scope.Categories);

    [Theory]
    [InlineData("A total of 16 people were killed in March 2023. Balochistan was the worst hit: 10 out of 16 deaths took place in the province.", "Balochistan")]
    [InlineData("A total of 16 people were killed in March 2023. Sindh was the worst hit: 10 out of 16 deaths took place in the province.", "Sindh")]
    public void A_part_out_of_a_whole_is_the_part_in_the_province_named_before(string text, string province)
    {
        var claims = Claims(text, "2023-04-02");
        var part = One(claims, ClaimMetric.Killed, 10);
        Assert.Equal(province, part.Scope.Province);
        Assert.Null(One(claims, ClaimMetric.Killed, 16).Scope.Province);
    }

    [Theory]
    [InlineData("The former tribal districts")]
    [InlineData("The merged districts")]
    public void In_this_region_is_the_region_named_before(string region)
    {
        var claims = Claims($"Militants carried out 40 attacks in May 2023. {region} remained the most affected. The month saw 11 militant attacks in this region.", "2023-06-02");
        Assert.Equal("former-fata", One(claims, ClaimMetric.Attacks, 11).Scope.Region);
        Assert.Null(One(claims, ClaimMetric.Attacks, 40).Scope.Region);
    }

    [Fact]
    public void A_list_by_province_gives_bare_numbers_the_metrics_of_its_first_item()
    {
        var claims = Claims("The June 2023 figures by province: KP 27 attacks, 116 deaths; Balochistan 9, 18.", "2023-07-02");
        Assert.Equal("Khyber Pakhtunkhwa", One(claims, ClaimMetric.Attacks, 27).Scope.Province);
        Assert.Equal("Khyber Pakhtunkhwa", One(claims, ClaimMetric.Killed, 116).Scope.Province);
        Assert.Equal("Balochistan", One(claims, ClaimMetric.Attacks, 9).Scope.Province);
        Assert.Equal("Balochistan", One(claims, ClaimMetric.Killed, 18).Scope.Province);
    }

    [Theory]
    [InlineData("Militant attacks rose to 52 in January 2022, up from 40 in December.")]
    [InlineData("Militant attacks in January 2022 rose to 52, compared with 40 in December.")]
    public void A_comparisons_baseline_is_no_statistic_but_the_claims_stated_baseline(string text)
    {
        var claims = Claims(text, "2022-02-02");
        var claim = One(claims, ClaimMetric.Attacks, 52);
        Assert.Equal(Period.Parse("2022-01"), claim.Period);
        Assert.DoesNotContain(claims, c => c.Value == 40);
        Assert.Equal(new StatedBaseline(Period.Parse("2021-12"), 40), claim.Baseline);
    }

    [Theory]
    [InlineData("The number of militant attacks in May 2024 increased to 98 from 23 in April, a 326 percent increase.", "2024-06-01", 98, "2024-05", 23, "2024-04")]
    [InlineData("Pakistan saw 638 militant attacks in 2023, up from 529 the year before.", "2024-01-08", 638, "2023", 529, "2022")]
    [InlineData("Pakistan saw 638 militant attacks in 2023 against 529 in 2022.", "2024-01-08", 638, "2023", 529, "2022")]
    [InlineData("In January 2023, 44 militant attacks were recorded, compared to 30 attacks in the previous month.", "2023-02-03", 44, "2023-01", 30, "2022-12")]
    [InlineData("Militants carried out 75 attacks in December 2022, up from 52 attacks in December 2021.", "2023-01-03", 75, "2022-12", 52, "2021-12")]
    [InlineData("The country saw 41 militant attacks in March 2023, compared with 30 in the same month last year.", "2023-04-03", 41, "2023-03", 30, "2022-03")]
    public void A_baseline_with_its_period_is_stated_beside_the_claim(string text, string published, double value, string period, double baseline, string basePeriod)
    {
        var claim = One(Claims(text, published), ClaimMetric.Attacks, value);
        Assert.Equal(Period.Parse(period), claim.Period);
        Assert.Equal(new StatedBaseline(Period.Parse(basePeriod), baseline), claim.Baseline);
    }

    [Theory]
    [InlineData("Militant attacks rose to 60 in May 2024, from 50 a day earlier.")]
    [InlineData("Militant attacks rose to 60 in May 2024, from 50 in 2023.")]
    [InlineData("Militant attacks rose to 60 in May 2024, up from 50.")]
    public void A_baseline_without_a_period_of_the_claims_unit_is_none(string text) =>
        Assert.Null(One(Claims(text, "2024-06-01"), ClaimMetric.Attacks, 60).Baseline);

    [Theory]
    [InlineData("In the first half of 2023, militants carried out 146 attacks.", "2023-07-05", "2023-H1")]
    [InlineData("Militants carried out 146 attacks in the first six months of 2023.", "2023-07-05", "2023-H1")]
    [InlineData("The second half of 2022 saw 146 militant attacks.", "2023-01-05", "2022-H2")]
    [InlineData("Militants carried out 146 attacks in H1 2023.", "2023-07-05", "2023-H1")]
    [InlineData("In the first half of the year, militants carried out 146 attacks.", "2023-07-05", "2023-H1")]
    public void A_half_year_is_a_period(string text, string published, string period) =>
        Assert.Equal(Period.Parse(period), One(Claims(text, published), ClaimMetric.Attacks, 146).Period);

    [Theory]
    [InlineData("November was the second deadliest month of the year, with 124 people killed.", "2023-12-02", "2023-11", "2022-12", 2)]
    [InlineData("With 124 people killed, November 2023 was the third most violent month of 2023.", "2023-12-02", "2023-11", "2022-12", 3)]
    [InlineData("A total of 124 people were killed in December, making it the deadliest month of the year.", "2024-01-02", "2023-12", "2022-12", 1)]
    [InlineData("A total of 124 people were killed in February, the deadliest month this year so far.", "2023-03-01", "2023-02", "2022-12", 1)]
    [InlineData("A total of 124 people were killed in December, the 2nd bloodiest month since July 2018.", "2024-01-02", "2023-12", "2018-07", 2)]
    public void A_ranked_record_names_its_rank_and_where_it_counts_from(string text, string published, string period, string since, int rank)
    {
        var claims = Claims(text, published);
        var record = Assert.Single(claims, c => c.Comparison is RecordComparison);
        Assert.Equal((ClaimMetric.Killed, 124.0, Period.Parse(period)), (record.Metric, record.Value!.Value, record.Period));
        Assert.Equal(new RecordComparison(Period.Parse(since), Rank: rank), record.Comparison);
    }

    [Theory]
    [InlineData("The deadliest attack of the year killed 40 people in Peshawar on 30 January 2023.")]
    [InlineData("It was the worst attack this year: 40 people were killed in Peshawar in January 2023.")]
    public void The_deadliest_attack_of_the_year_is_no_record_of_a_period(string text) =>
        Assert.DoesNotContain(Claims(text, "2023-02-01"), c => c.Comparison is RecordComparison);

    [Fact]
    public void Victims_by_category_are_killed_with_their_category()
    {
        var claims = Claims("In March 2022, 90 people were killed. Of them, 44 were security personnel, 30 militants and 16 civilians.", "2022-04-02");
        Assert.Equal("security-forces", One(claims, ClaimMetric.Killed, 44).Scope.Victims);
        Assert.Equal("militants", One(claims, ClaimMetric.Killed, 30).Scope.Victims);
        Assert.Equal("civilians", One(claims, ClaimMetric.Killed, 16).Scope.Victims);
        Assert.Null(One(claims, ClaimMetric.Killed, 90).Scope.Victims);
    }

    [Theory]
    [InlineData("ISLAMABAD: Pakistan saw 40 militant attacks in May 2023.")]
    [InlineData("The Islamabad Policy Forum recorded 40 militant attacks in May 2023.")]
    public void A_dateline_or_a_name_holding_a_place_is_no_scope(string text) =>
        Assert.Null(One(Claims(text, "2023-06-02"), ClaimMetric.Attacks, 40).Scope.Province);

    [Fact]
    public void A_province_naming_where_a_region_lies_does_not_replace_the_region() =>
        Assert.Equal("former-fata", One(Claims("The former tribal districts of Khyber Pakhtunkhwa were the worst hit in May 2023, with 11 militant attacks.", "2023-06-02"), ClaimMetric.Attacks, 11).Scope.Region);

    [Theory]
    [InlineData("Khyber Pakhtunkhwa was the worst affected province in May 2023 with 38 attacks.")]
    [InlineData("In May 2023 the province saw more than 38 attacks.")]
    public void A_figure_after_with_or_more_than_is_no_baseline(string text) =>
        Assert.Single(Claims(text, "2023-06-02"), c => c.Metric == ClaimMetric.Attacks && c.Value == 38);

    [Theory]
    [InlineData("Violence has risen since the end of the ceasefire in November and 40 soldiers were martyred when militants attacked a convoy.")]
    [InlineData("The situation has worsened since the talks broke down in 2022, and 12 people were killed on the highway.")]
    public void A_period_inside_a_since_clause_is_no_statistics_period(string text) =>
        Assert.Empty(Claims(text, "2023-06-02"));

    [Theory]
    [InlineData("Attacks rose to 52 in March, from 41 militant attacks in February.", "2024-04-02", 52, "2024-03", "2024-02", 41)]
    [InlineData("The country recorded 63 militant attacks in November, up from 69 attacks in October.", "2023-12-02", 63, "2023-11", "2023-10", 69)]
    [InlineData("In 2023 militants carried out 638 attacks, compared to 529 attacks in 2022.", "2024-01-05", 638, "2023", "2022", 529)]
    public void A_baseline_with_its_own_noun_keeps_its_period_to_itself(string text, string published, double value, string period, string baselinePeriod, double baseline)
    {
        var claim = One(Claims(text, published), ClaimMetric.Attacks, value);
        Assert.Equal(Period.Parse(period), claim.Period);
        Assert.Equal(Period.Parse(baselinePeriod), claim.Baseline?.Period);
        Assert.Equal(baseline, claim.Baseline?.Value);
        Assert.DoesNotContain(Claims(text, published), c => c.Value == baseline);
    }

    [Theory]
    [InlineData("December 2023 was the third most violent month of 2023, as 93 people were killed.", "2024-01-03", "2023-12")]
    [InlineData("With 93 people killed, October was the deadliest month of the year so far.", "2023-11-02", "2023-10")]
    [InlineData("The second quarter was the bloodiest quarter of 2022, with 93 people killed.", "2022-07-04", "2022-Q2")]
    public void The_year_a_rank_counts_in_is_not_the_figures_period(string text, string published, string period) =>
        Assert.All(Claims(text, published).Where(c => c.Value == 93), c => Assert.Equal(Period.Parse(period), c.Period));

    [Fact]
    public void A_ranked_month_without_its_month_named_is_no_statistic_of_the_year() =>
        Assert.DoesNotContain(Claims("The deadliest month of 2023 saw 93 people killed.", "2024-01-03"), c => c.Period == Period.Parse("2023"));

    [Theory]
    [InlineData("H1 2024 recorded 380 militant attacks, while July alone saw 81 attacks.", "2024-08-05", "2024-07")]
    [InlineData("The first quarter saw 200 attacks, and April recorded 81 attacks.", "2024-05-03", "2024-04")]
    [InlineData("There were 300 attacks in 2023; September also witnessed 81 attacks.", "2023-10-04", "2023-09")]
    public void Two_periods_in_a_sentence_each_take_their_own_figures(string text, string published, string period) =>
        Assert.Equal(Period.Parse(period), One(Claims(text, published), ClaimMetric.Attacks, 81).Period);

    [Theory]
    [InlineData("Police said June Khan and 3 others were killed in 2023 in a dispute over land.")]
    [InlineData("Officials warned attacks may rise, and May saw fewer patrols.")]
    public void A_month_name_that_is_not_the_subject_of_a_statistic_is_no_period(string text) =>
        Assert.DoesNotContain(Claims(text, "2023-07-02"), c => c.Period.Unit == PeriodUnit.Month);

    [Theory]
    [InlineData("The year 2023 saw 789 terror attacks across the country.", "2024-01-06")]
    [InlineData("During the year 2023, militants carried out 789 attacks.", "2024-01-06")]
    public void The_year_named_is_a_period(string text, string published) =>
        Assert.Equal(Period.Parse("2023"), One(Claims(text, published), ClaimMetric.Attacks, 789).Period);
}
