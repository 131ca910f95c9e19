using Vigil.Domain.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Review;

namespace Vigil.Extraction.Tests.Review;

public class ReportIncidentTests
{
    private static string Payload(string text, DateOnly published)
    {
        var x = ArticleExtractor.Bundled.Extract(new Article("n1", text, published, "Dawn", "https://example.org/n1", "Blast in Peshawar"));
        var payload = ExtractionJson.ToJson(x)["report"]!.AsObject();
        payload["headline"] = "Blast in Peshawar";
        payload["url"] = "https://example.org/n1";
        return payload.ToJsonString();
    }

    [Fact]
    public void A_report_payload_becomes_an_incident_with_its_figures_phrase_rule_and_the_article_as_source()
    {
        var incident = ReportIncident.FromPayload(Payload("TTP claimed responsibility for the suicide bombing in Peshawar on Friday that killed at least 12 people and injured 30.", new DateOnly(2023, 3, 4)));
        Assert.Equal(new DateOnly(2023, 3, 3), incident.Date.Start);
        Assert.Equal("Peshawar", incident.Place.Admin2);
        Assert.Equal(EventType.SuicideBombing, incident.EventType);
        Assert.Equal(AttributionCertainty.Claimed, incident.Attribution);
        Assert.NotNull(incident.Perpetrator?.Name);
        Assert.Equal(12, incident.Killed.Best);
        Assert.Contains("at least 12", incident.Killed.Phrase, StringComparison.Ordinal);
        Assert.NotNull(incident.Killed.Rule);
        Assert.Equal(30, incident.Injured.Best);
        // The article as source, carrying the figures read from it (who said what).
        Assert.Equal(new SourceReference("Dawn", new DateOnly(2023, 3, 4), "Blast in Peshawar", "https://example.org/n1") { Killed = incident.Killed, Injured = incident.Injured.IsUnknown ? null : incident.Injured },
            Assert.Single(incident.Sources));
        Assert.False(incident.Killed.IsUnknown);
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(10, false)]
    public void A_figure_a_party_gave_becomes_a_party_claim_source_beside_the_articles_own(int claimed, bool contested)
    {
        var text = $"Police said 8 people were killed in the blast in Bannu, while the TTP claimed that {claimed} policemen had died.";
        var incident = ReportIncident.FromPayload(Payload(text, new DateOnly(2024, 3, 12)));

        Assert.Equal(2, incident.Sources.Length);
        var article = incident.Sources[0];
        var party = incident.Sources[1];
        Assert.Equal(("Dawn", false, 8), (article.Name, article.PartyClaim, article.Killed?.Best));
        Assert.Equal(("TTP", true, claimed), (party.Name, party.PartyClaim, party.Killed?.Best));
        Assert.Equal((new DateOnly(2024, 3, 12), "https://example.org/n1"), (party.Published, party.Url));

        // The rule the store applies: the article's figure is the incident's; the claim counts under "all" and "party".
        var stored = Domain.Sources.FigureRule.Apply(incident);
        Assert.Equal(8, stored.Killed.Best);
        var all = Domain.Sources.FigureRule.For(stored, Domain.Sources.SourceScope.All).Killed;
        Assert.Equal((8, 8, claimed), (all.Best, all.Low, all.High));
        Assert.Equal(claimed, Domain.Sources.FigureRule.For(stored, Domain.Sources.SourceScope.Party).Killed.Best);
        // 25 against 8 is at least twice and 5 more: contested; 10 against 8 is not.
        Assert.Equal(contested, Domain.Sources.FigureRule.IsContested(stored));
    }

    [Fact]
    public void A_report_whose_only_figure_is_a_partys_gives_the_incident_no_figure_of_its_own()
    {
        var incident = ReportIncident.FromPayload(Payload("Security forces killed 12 terrorists in an operation in Bannu, the ISPR said.", new DateOnly(2024, 3, 12)));

        Assert.True(incident.Killed.IsUnknown);
        Assert.False(incident.Sources[0].HasFigures);
        var claim = Assert.Single(incident.Sources, s => s.PartyClaim);
        Assert.Equal(("ISPR", 12), (claim.Name, claim.Killed?.Best));
        Assert.True(Domain.Sources.FigureRule.For(Domain.Sources.FigureRule.Apply(incident), Domain.Sources.SourceScope.Independent).Killed.IsUnknown);
        Assert.Equal(12, Domain.Sources.FigureRule.For(incident, Domain.Sources.SourceScope.All).Killed.Best);
    }

    [Fact]
    public void An_analysts_killed_edit_corrects_the_articles_row_and_leaves_the_partys()
    {
        var incident = ReportIncident.FromPayload(Payload("Police said 8 people were killed in Bannu, while the TTP claimed that 25 policemen had died.", new DateOnly(2024, 3, 12)));

        var edited = ReportIncident.Edit(incident, [new("killed", "9")]);

        Assert.Equal(9, edited.Sources.Single(s => !s.PartyClaim).Killed?.Best);
        Assert.Equal(25, edited.Sources.Single(s => s.PartyClaim).Killed?.Best);
    }

    [Fact]
    public void Edits_set_killed_exactly_by_the_analyst_and_the_district()
    {
        var incident = ReportIncident.FromPayload(Payload("Five people were killed in Bannu yesterday.", new DateOnly(2023, 3, 7)));
        var edited = ReportIncident.Edit(incident, [new("killed", "12"), new("district", "Peshawar")]);
        Assert.Equal((12, 12, 12, "analyst"), (edited.Killed.Low!.Value, edited.Killed.Best!.Value, edited.Killed.High!.Value, edited.Killed.Rule));
        Assert.Equal("Peshawar", edited.Place.Admin2);
        Assert.Throws<Domain.Errors.FieldException>(() => ReportIncident.Edit(incident, [new("colour", "red")]));
    }

    [Fact]
    public void A_perpetrator_set_by_the_analyst_keeps_the_typed_name_and_resolves_through_the_alias_table()
    {
        var incident = ReportIncident.FromPayload(Payload("Five people were killed in Bannu yesterday.", new DateOnly(2023, 3, 7)));

        var known = ReportIncident.Edit(incident, [new("perpetrator", "Pakistani Taliban")]).Perpetrator;
        var unknown = ReportIncident.Edit(incident, [new("perpetrator", "Lashkar-e-Nowhere")]).Perpetrator;

        Assert.Equal(new ActorRef(Domain.Actors.ActorCatalog.Bundled.Resolve("TTP")!.Name, "Pakistani Taliban"), known);
        Assert.Equal(new ActorRef(null, "Lashkar-e-Nowhere"), unknown);
    }

    [Theory]
    [InlineData("killed", "a dozen", "killed_best")]
    [InlineData("injured", "-4", "injured_best")]
    [InlineData("date", "07/03/2023", "date_start")]
    [InlineData("event_type", "riot", "event_type")]
    public void A_bad_review_edit_is_worded_as_the_same_value_in_any_other_edit(string field, string text, string column)
    {
        var incident = ReportIncident.FromPayload(Payload("Five people were killed in Bannu yesterday.", new DateOnly(2023, 3, 7)));

        var review = Assert.Throws<Domain.Errors.FieldException>(() => ReportIncident.Edit(incident, [new(field, text)]));
        var edit = Assert.Throws<Domain.Errors.FieldException>(() => IncidentEdits.Apply(incident, new Dictionary<string, string?> { [column] = text }));

        Assert.Equal(field, review.Field);
        Assert.Equal(edit.Problem, review.Problem);
    }
}
