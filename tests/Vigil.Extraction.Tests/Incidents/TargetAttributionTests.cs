using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Tests.Incidents;

public class TargetAttributionTests
{
    private static List<TargetType> Targets(string text) =>
        [.. TargetFinder.Find(new TextDocument(text), EventType.Bombing).Select(t => t.Value)];

    [Theory]
    [InlineData("A bomb killed three people in the market, officials said.")]
    [InlineData("According to local officials, two people died in the blast.")]
    [InlineData("Government officials confirmed that 16 people were killed.")]
    [InlineData("A district official told reporters that a bomb killed four people.")]
    public void The_speaker_is_attribution_not_a_government_target(string text) =>
        Assert.DoesNotContain(TargetType.Government, Targets(text));

    [Fact]
    public void Police_who_speak_are_not_a_target_but_policemen_who_were_attacked_are()
    {
        Assert.DoesNotContain(TargetType.Police, Targets("A bomb killed four civilians, police said."));
        Assert.Contains(TargetType.Police, Targets("Two policemen were killed in the blast, police said."));
    }

    [Fact]
    public void Officials_attacked_are_still_a_government_target() =>
        Assert.Contains(TargetType.Government, Targets("Gunmen attacked a convoy of officials, killing two of them."));
}
