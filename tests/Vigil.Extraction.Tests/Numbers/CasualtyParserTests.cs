using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Tests.Numbers;

public class CasualtyParserTests
{
    private static (CasualtyMention? Killed, CasualtyMention? Injured) Totals(string text) =>
        CasualtyTotals.Of(CasualtyParser.Find(new TextDocument(text)));

    [Theory]
    [InlineData("Twelve people were killed in the blast.", 12L, 12L, 12L, "words")]
    [InlineData("At least 12 people were killed in the blast.", 12L, 12L, null, "at-least")]
    [InlineData("More than 100 people died.", 101L, 101L, null, "more-than:stated+1")]
    [InlineData("Up to 20 people were killed.", null, 20L, 20L, "up-to")]
    [InlineData("Nearly 60 people were killed.", null, 60L, 60L, "nearly")]
    [InlineData("Some 30 people were killed.", null, 30L, null, "some")]
    [InlineData("Between 15 and 20 people were killed.", 15L, 17L, 20L, "range")]
    [InlineData("15 to 20 people were killed.", 15L, 17L, 20L, "range")]
    [InlineData("Twenty-three soldiers were martyred.", 23L, 23L, 23L, "words")]
    [InlineData("A dozen worshippers died.", 12L, 12L, 12L, "dozen")]
    [InlineData("Dozens were killed.", 24L, 36L, 99L, "vague:dozens")]
    [InlineData("Scores of people were killed.", 40L, 60L, 199L, "vague:scores")]
    [InlineData("Several policemen were killed.", 3L, 4L, 9L, "vague:several")]
    [InlineData("The bomber killed 13 militants.", 13L, 13L, 13L, "digits")]
    [InlineData("A policeman was killed.", 1L, 1L, 1L, "singular")]
    public void Reads_killed_as_low_best_high_with_its_rule(string text, long? low, long? best, long? high, string rule)
    {
        var (killed, _) = Totals(text);
        Assert.NotNull(killed);
        Assert.Equal((low, best, high, rule), (killed.Low, killed.Best, killed.High, killed.Rule));
    }

    [Fact]
    public void Keeps_the_raw_phrase_and_its_character_span()
    {
        const string text = "Police said at least 12 people were killed on Monday.";
        var (killed, _) = Totals(text);
        Assert.NotNull(killed);
        Assert.Equal("at least 12 people were killed", killed.Phrase);
        Assert.Equal(killed.Phrase, text[killed.Start..killed.End]);
    }

    [Fact]
    public void A_revised_death_toll_replaces_the_earlier_figure_rather_than_adding_to_it()
    {
        var (killed, _) = Totals("At least 44 people were killed. Later the death toll rose to 59, officials said.");
        Assert.NotNull(killed);
        Assert.True(killed.IsRevision);
        Assert.Equal(59L, killed.Best);
    }

    [Fact]
    public void Separates_killed_from_injured_in_one_sentence()
    {
        var (killed, injured) = Totals("The attack killed five people and wounded 12 others.");
        Assert.Equal(5L, killed?.Best);
        Assert.Equal(12L, injured?.Best);
    }

    [Fact]
    public void Reads_lost_their_lives_and_received_injuries()
    {
        var (killed, injured) = Totals("134 people lost their lives and 254 received injuries in at least 44 militant attacks.");
        Assert.Equal(134L, killed?.Best);
        Assert.Equal(254L, injured?.Best);
    }

    [Fact]
    public void Adds_the_parts_of_a_breakdown_and_keeps_them()
    {
        var (killed, _) = Totals("Three soldiers and two civilians were killed.");
        Assert.NotNull(killed);
        Assert.Equal(5L, killed.Best);
        Assert.Equal(2, killed.Groups.Count);
    }

    [Theory]
    [InlineData("The floods caused 158 deaths and 16,000 displaced.", 158L)]
    [InlineData("A 25-year-old man and his 8-year-old son were killed 15 km from Quetta.", null)]
    [InlineData("The man, aged 45, was injured on 12 March 2021.", null)]
    [InlineData("In 2019, the group carried out 300 attacks.", null)]
    [InlineData("The blast killed 3 days after the talks.", null)]
    public void Does_not_count_numbers_that_belong_to_something_else(string text, long? killed)
    {
        var (k, i) = Totals(text);
        Assert.Equal(killed, k?.Best);
        Assert.Null(i);
    }
}
