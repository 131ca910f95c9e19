using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;

namespace Vigil.Extraction.Tests.Incidents;

public class FigureAttributionTests
{
    private static ExtractedReport Report(string text) =>
        IncidentReportExtractor.Bundled.Extract(new Article("a", text, new DateOnly(2024, 3, 12)), new Text.TextDocument(text))!;

    [Theory]
    [InlineData("ISPR said 12 terrorists were killed in the operation in North Waziristan.", "ISPR", PartySide.State, 12)]
    [InlineData("Six soldiers were martyred in the attack, the military's media wing said.", "ISPR", PartySide.State, 6)]
    [InlineData("According to the Inter-Services Public Relations, three terrorists were killed.", "ISPR", PartySide.State, 3)]
    [InlineData("The TTP claimed responsibility and said 30 soldiers had been killed.", "TTP", PartySide.Militant, 30)]
    [InlineData("A BLA spokesman claimed that 18 soldiers were killed in Turbat.", "BLA", PartySide.Militant, 18)]
    [InlineData("Taliban spokesman Zabihullah Mujahid said eight civilians were killed in the strikes.", "Zabihullah Mujahid", PartySide.State, 8)]
    [InlineData("Officials said the TTP claimed 25 soldiers were killed in the assault.", "TTP", PartySide.Militant, 25)]
    [InlineData("Four soldiers were martyred in the exchange of fire, said the ISPR.", "ISPR", PartySide.State, 4)]
    public void A_figure_a_party_gives_is_its_claim_and_not_the_articles_own(string text, string party, PartySide side, int killed)
    {
        var r = Report(text);

        var claim = Assert.Single(r.PartyClaims);
        Assert.Equal((party, side, (long?)killed), (claim.Party, claim.Side, claim.Killed?.Best));
        Assert.Null(r.Killed);
        Assert.Equal(killed, r.KilledAsRead?.Best);
    }

    [Theory]
    [InlineData("Nine passengers were killed when gunmen opened fire on the bus in Mastung, police said.", SpeakerRole.Official)]
    [InlineData("Local officials said five members of one family were killed in Bajaur.", SpeakerRole.Official)]
    [InlineData("Witnesses said at least 9 people were killed near the bus stand.", SpeakerRole.Other)]
    [InlineData("The TTP claimed responsibility for the suicide attack on the police lines, which killed 84 people.", null)]
    [InlineData("The attack claimed the lives of 9 policemen in Karak.", null)]
    [InlineData("At least 20 people were killed in the suicide bombing at the market in Quetta.", null)]
    public void A_figure_no_party_gives_stays_the_articles_with_its_speaker(string text, SpeakerRole? role)
    {
        var r = Report(text);

        Assert.Empty(r.PartyClaims);
        Assert.NotNull(r.Killed);
        Assert.Equal(role, r.Killed!.Speaker?.Role);
    }

    [Fact]
    public void An_article_giving_the_polices_figure_and_a_partys_keeps_both_apart()
    {
        var r = Report("The deputy commissioner said 11 people were killed in the attack, while Umar Media claimed that 40 personnel had died.");

        Assert.Equal(11, r.Killed?.Best);
        Assert.Equal(SpeakerRole.Official, r.Killed!.Speaker?.Role);
        var claim = Assert.Single(r.PartyClaims);
        Assert.Equal(("Umar Media", (long?)40), (claim.Party, claim.Killed?.Best));
    }

    [Fact]
    public void The_group_and_he_take_the_group_or_speaker_named_before()
    {
        var r = Report("The BLA said its fighters had killed 12 soldiers. In a statement, the group said another seven were injured.");

        var claim = Assert.Single(r.PartyClaims);
        Assert.Equal(("BLA", (long?)12, (long?)7), (claim.Party, claim.Killed?.Best, claim.Injured?.Best));
    }

    [Fact]
    public void A_figure_in_another_sentence_than_the_partys_is_the_articles()
    {
        var r = Report("The ISPR said that six terrorists were killed. Police said two bystanders were also injured in the crossfire.");

        Assert.Equal(6, Assert.Single(r.PartyClaims).Killed?.Best);
        Assert.Null(r.Killed);
        Assert.Equal(2, r.Injured?.Best);
    }

    [Theory]
    [InlineData(2019, "Afghan government")]
    [InlineData(2024, "Afghan Taliban")]
    public void The_afghan_states_spokesmen_are_the_governments_of_the_day(int year, string party)
    {
        var text = "The Afghan defence ministry said 9 soldiers were killed in the clashes.";
        var r = IncidentReportExtractor.Bundled.Extract(new Article("a", text, new DateOnly(year, 6, 1)), new Text.TextDocument(text))!;

        Assert.Equal(party, Assert.Single(r.PartyClaims).Party);
    }
}
