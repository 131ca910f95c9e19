using Vigil.Extraction.Documents;
using Vigil.Extraction.Input;

namespace Vigil.Extraction.Tests.Documents;

public class DocumentKindTests
{
    private static ArticleExtraction Extract(string text, string published = "2023-06-02", string? title = null) =>
        ArticleExtractor.Bundled.Extract(new Article("t", text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), Title: title));

    [Theory]
    [InlineData("Pakistan saw 63 militant attacks in May 2023, according to data compiled by the institute. These claimed 83 lives and injured 89.")]
    [InlineData("The month saw 40 attacks. The attacks killed 124 people, compared to 90 in the previous month.")]
    [InlineData("In 2022, militants carried out 300 attacks in which 500 people were killed, the annual security report said.")]
    public void A_text_of_period_totals_is_a_roundup_and_yields_no_incident(string text)
    {
        var x = Extract(text, title: "May 2023 security report");
        Assert.Equal(DocumentKind.StatisticalRoundup, x.Document.Kind);
        Assert.Null(x.Report);
        Assert.NotEmpty(x.Claims);
        Assert.Contains(x.Document.Evidence, e => e.Towards == DocumentKind.StatisticalRoundup);
    }

    [Theory]
    [InlineData("The government must rethink its approach. We have said before that talks achieve little. Islamabad should act, and it is high time it did.")]
    [InlineData("It remains to be seen whether the talks will help. The fact of the matter is that our policy has failed. The state must not look away.")]
    public void An_argued_text_is_an_editorial_and_yields_no_incident_without_a_dated_toll(string text)
    {
        var x = Extract(text);
        Assert.Equal(DocumentKind.AnalysisOrEditorial, x.Document.Kind);
        Assert.Null(x.Report);
    }

    [Fact]
    public void An_editorial_that_reports_an_attack_with_its_date_and_toll_keeps_the_incident()
    {
        var x = Extract("The state must act. On Monday, a suicide bomber killed 12 people in Peshawar. We cannot afford this, and the government should say how it will respond.");
        Assert.Equal(DocumentKind.AnalysisOrEditorial, x.Document.Kind);
        Assert.Equal(12, x.Report?.Killed?.Best);
    }

    [Theory]
    [InlineData("A suicide bomber killed 12 people at a market in Peshawar on Monday, police said.")]
    [InlineData("Five soldiers were killed when militants attacked a check post in North Waziristan yesterday.")]
    public void A_report_of_one_attack_is_an_incident_report(string text)
    {
        var x = Extract(text);
        Assert.Equal(DocumentKind.IncidentReport, x.Document.Kind);
        Assert.NotNull(x.Report?.Killed);
    }

    [Fact]
    public void A_claim_of_responsibility_without_a_toll_is_a_statement() =>
        Assert.Equal(DocumentKind.StatementOrClaim, Extract("The TTP claimed responsibility in a statement sent to reporters.").Document.Kind);
}
