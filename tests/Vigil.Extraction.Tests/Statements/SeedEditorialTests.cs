using Vigil.Domain.Claims;
using Vigil.Domain.Incidents;
using Vigil.Domain.Time;
using Vigil.Extraction.Input;
using Vigil.Extraction.Statements;

namespace Vigil.Extraction.Tests.Statements;

/// <summary>What the founding editorial (24 February 2023) yields: claims, the engagement, the border event, the commitment.</summary>
public class SeedEditorialTests
{
    private static ArticleExtraction Extract()
    {
        var article = ArticleReader.Read(SeedFiles.Editorial).Single();
        Assert.Equal(new DateOnly(2023, 2, 24), article.Published);
        return ArticleExtractor.Bundled.Extract(article);
    }

    [Fact]
    public void Yields_the_January_2023_claims_killed_134_up_139_percent_injured_254_attacks_at_least_44_and_the_record_since_July_2018()
    {
        var claims = Extract().Claims.Where(c => c.Period == Period.Parse("2023-01")).ToList();
        var killedChange = Assert.Single(claims, c => c.Metric == ClaimMetric.Killed && c.Comparison is ChangeComparison);
        Assert.Equal(134, killedChange.Value);
        Assert.Equal(ValueQualifier.Exactly, killedChange.Qualifier);
        Assert.Equal(139, ((ChangeComparison)killedChange.Comparison!).Percent);
        Assert.Equal("Pakistan", killedChange.Scope.Country);
        Assert.Null(killedChange.Scope.Actor);

        var record = Assert.Single(claims, c => c.Metric == ClaimMetric.Killed && c.Comparison is RecordComparison);
        Assert.Equal(134, record.Value);
        var since = (RecordComparison)record.Comparison!;
        Assert.Equal(Period.Parse("2018-07"), since.Since);
        Assert.True(since.OneOf);

        var injured = Assert.Single(claims, c => c.Metric == ClaimMetric.Injured);
        Assert.Equal((254.0, ValueQualifier.Exactly), (injured.Value!.Value, injured.Qualifier));

        var attacks = Assert.Single(claims, c => c.Metric == ClaimMetric.Attacks);
        Assert.Equal((44.0, ValueQualifier.AtLeast), (attacks.Value!.Value, attacks.Qualifier));
    }

    [Fact]
    public void Yields_the_TTP_claim_of_more_than_100_operations_in_the_year_before_publication()
    {
        var x = Extract();
        var ttp = Assert.Single(x.Claims, c => c.Period == Period.Parse("2022"));
        Assert.Equal((ClaimMetric.Attacks, 100.0, ValueQualifier.MoreThan, "TTP"), (ttp.Metric, ttp.Value!.Value, ttp.Qualifier, ttp.Scope.Actor));
        Assert.Equal("more than 100 operations", x.Text[ttp.Evidence!.Start..ttp.Evidence.End]);
    }

    [Fact]
    public void Every_claim_round_trips_through_the_claim_checkers_JSON()
    {
        foreach (var claim in Extract().Claims)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(ClaimJson.ToJson(claim).ToJsonString());
            var back = ClaimJson.Parse(doc.RootElement, "test");
            Assert.Equal((claim.Metric, claim.Period, claim.Value, claim.Qualifier, claim.Comparison), (back.Metric, back.Period, back.Value, back.Qualifier, back.Comparison));
        }
    }

    [Fact]
    public void Yields_the_Pakistani_delegations_visit_to_Kabul_this_week_with_its_topics()
    {
        var x = Extract();
        var e = Assert.Single(x.Engagements);
        Assert.Equal("a Pakistani delegation", e.Who.Value);
        Assert.Equal("Pakistan", e.WhoCountry);
        Assert.Equal("Kabul", e.Where?.Text);
        Assert.Equal("Afghanistan", e.Where?.Place.Country);
        Assert.Equal("Afghan officials", e.Counterpart?.Value);
        Assert.Equal(new IncidentDate(new DateOnly(2023, 2, 20), new DateOnly(2023, 2, 24), DatePrecision.Week), e.When?.Value);
        var topics = e.Topics.Select(t => t.Value).ToList();
        Assert.Contains("security-related matters", topics);
        Assert.Contains("counter-terrorism measures", topics);
        Assert.Contains("the growing threat of terrorism in the region", topics);
        Assert.DoesNotContain(topics, t => t.Contains("face-to-face", StringComparison.Ordinal));
        foreach (var t in e.Topics)
            Assert.Equal(t.Value, x.Text[t.Start..t.End]);
    }

    [Fact]
    public void Yields_the_recent_closure_of_the_Torkham_crossing()
    {
        var x = Extract();
        var b = Assert.Single(x.BorderEvents);
        Assert.Equal(BorderEventKind.Closure, b.Kind);
        Assert.Equal("Torkham", b.Crossing.Place.Location);
        Assert.Equal("Khyber", b.Crossing.Place.Admin2);
        Assert.Equal("closure", b.Cue.Evidence);
        Assert.Equal("recent", b.WhenRule);
        Assert.Equal(new DateOnly(2023, 2, 24), b.When?.Value.End);
    }

    [Fact]
    public void Yields_the_assurances_of_the_Afghan_interim_government_to_the_delegation_with_the_doubt_the_editorial_puts_on_them()
    {
        var x = Extract();
        var c = Assert.Single(x.Commitments);
        Assert.Equal("assurances", c.Cue.Evidence);
        Assert.Equal("the interim government officials", c.Giver?.Value);
        Assert.Equal("Afghan Taliban", c.GiverActor);
        Assert.Equal("a Pakistani delegation", c.Recipient);
        Assert.Null(c.Content);
        Assert.Contains("security-related matters", c.About);
        Assert.Equal("remains to be seen", c.Hedge);
    }

    [Fact]
    public void Does_not_take_the_monthly_statistics_for_one_attacks_toll()
    {
        var report = Extract().Report;
        Assert.Null(report?.Killed);
        Assert.Null(report?.Injured);
    }

    [Fact]
    public void Is_an_editorial_that_reports_no_incident_and_yields_its_five_statistics()
    {
        var x = Extract();
        Assert.Equal(Vigil.Extraction.Documents.DocumentKind.AnalysisOrEditorial, x.Document.Kind);
        Assert.Null(x.Report);
        Assert.Equal(5, x.Claims.Count);
    }
}
