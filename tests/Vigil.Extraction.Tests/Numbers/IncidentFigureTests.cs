using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Numbers;
using Vigil.Extraction.Text;

namespace Vigil.Extraction.Tests.Numbers;

/// <summary>Incident figures as reports write them (issue 16): each class with several sentences, not only the one quoted.</summary>
public class IncidentFigureTests
{
    private static (long? Killed, long? Injured) Figures(string text)
    {
        var doc = new TextDocument(text);
        var (killed, injured) = CasualtyTotals.Of(CasualtyParser.Find(doc), doc);
        return (killed?.Best, injured?.Best);
    }

    private static ExtractedReport Report(string text) =>
        IncidentReportExtractor.Bundled.Extract(new Article("a", text, new DateOnly(2024, 3, 12)), new TextDocument(text))!;

    [Theory]
    [InlineData("The attack on the school killed 141 people, 132 of them children.", 141L)]
    [InlineData("6 people including 3 soldiers were killed in the blast.", 6L)]
    [InlineData("Twelve labourers including four teenagers were shot dead.", 12L)]
    [InlineData("At least 9 people, including two women and a child, were killed.", 9L)]
    [InlineData("The blast killed 41 people, among them 8 children, in Parachinar.", 41L)]
    [InlineData("An explosion killed 16 students, 12 of whom were under 15.", 16L)]
    [InlineData("Police said 23 people, mostly pilgrims returning from Iran, were killed.", 23L)]
    [InlineData("Militants killed 10 policemen, three of them officers, in Dera Ismail Khan.", 10L)]
    public void A_subset_neither_adds_to_the_total_nor_replaces_it(string text, long killed) =>
        Assert.Equal(killed, Figures(text).Killed);

    [Theory]
    [InlineData("The bombing killed 52 people, including 29 children, and more than 200 others were injured.", 52L, 201L)]
    [InlineData("The blast killed 97 people, including 29 children and over 200 others were injured.", 97L, 201L)]
    [InlineData("The Taliban attack killed 15 soldiers including a commander and wounded 9 others.", 15L, 9L)]
    [InlineData("The mosque bombing killed 27 worshippers, including the prayer leader, and at least 40 others were wounded.", 27L, 40L)]
    [InlineData("A car bomb killed 21 people and injured 48, including 12 children and 6 women.", 21L, 48L)]
    public void Others_after_a_subset_are_a_figure_of_their_own_and_the_subset_is_in_neither(string text, long killed, long injured) =>
        Assert.Equal((killed, injured), Figures(text));

    [Theory]
    [InlineData("Ten others, five police officers and five civilians, were injured in the crossfire.", 10L)]
    [InlineData("Twenty-two people, eight women and 14 men, sustained injuries.", 22L)]
    [InlineData("Fourteen others, nine of them security guards, were injured in the attack.", 14L)]
    public void A_list_set_off_after_a_whole_is_its_breakdown(string text, long injured) =>
        Assert.Equal(injured, Figures(text).Injured);

    [Theory]
    [InlineData("Seventeen people, 12 soldiers and five civilians, were killed in the ambush.", 17L)]
    [InlineData("The blast killed 9 people, four policemen and five passers-by, near the Civil Secretariat.", 9L)]
    [InlineData("Two policemen, a shopkeeper and a child were killed when gunmen opened fire.", 4L)]
    [InlineData("Three soldiers and two civilians were killed.", 5L)]
    public void A_breakdown_of_a_whole_is_not_added_but_a_list_of_groups_is(string text, long killed) =>
        Assert.Equal(killed, Figures(text).Killed);

    [Theory]
    [InlineData("Thirty-two people and three suicide bombers were killed at the gate.", 32L, 3L)]
    [InlineData("Forty people were killed and 60 injured. Five attackers were also killed, the ministry said.", 40L, 5L)]
    [InlineData("One of the 2 gunmen was killed after they opened fire on worshippers, killing two people.", 2L, 1L)]
    [InlineData("Militants stormed the camp, killing 9 soldiers; all five attackers were also killed.", 9L, 5L)]
    [InlineData("Security forces killed six attackers; two soldiers were martyred in the exchange of fire.", 2L, 6L)]
    [InlineData("Three gunmen and a policeman were killed when militants attacked a checkpoint.", 1L, 3L)]
    [InlineData("A suicide bomber killed 7 policemen in Quetta; the bomber was also killed, police said.", 7L, 1L)]
    [InlineData("Both attackers were shot dead, but not before they killed a guard.", 1L, 2L)]
    public void Attackers_deaths_are_recorded_beside_the_toll_and_never_as_it(string text, long killed, long attackers)
    {
        var report = Report(text);
        Assert.Equal(killed, report.Killed?.Best);
        Assert.Equal(attackers, report.PerpetratorsKilled?.Best);
        Assert.False(report.PerpetratorsIncluded);
    }

    [Fact]
    public void The_attackers_killed_without_a_number_are_perpetrators_with_no_best_figure()
    {
        var report = Report("The attackers were also killed after the siege that left 11 employees dead.");
        Assert.Equal(11L, report.Killed?.Best);
        Assert.NotNull(report.PerpetratorsKilled);
        Assert.Null(report.PerpetratorsKilled.Best);
        Assert.Equal("attackers-unnumbered", report.PerpetratorsKilled.Rule);
    }

    [Fact]
    public void A_toll_that_says_it_includes_the_bomber_says_perpetrators_are_included()
    {
        var report = Report("Fifteen people, including the bomber, were killed in the attack on a funeral.");
        Assert.Equal(15L, report.Killed?.Best);
        Assert.True(report.PerpetratorsIncluded);
    }

    [Fact]
    public void A_report_that_says_nothing_of_the_attackers_leaves_perpetrators_included_unknown() =>
        Assert.Null(Report("A bomb killed four people in Quetta.").PerpetratorsIncluded);

    [Theory]
    [InlineData("A suicide bomber killed 6 people at a checkpoint.")]
    [InlineData("The gunmen killed three policemen before fleeing.")]
    [InlineData("The policeman killed the attacker before he could detonate his vest.")]
    public void Attackers_who_kill_are_not_counted_dead(string text) =>
        Assert.Null(Report(text).PerpetratorsKilled);

    [Theory]
    [InlineData("At least 149 people, including candidate Nawabzada Siraj Raisani, a brother of a former chief minister, were killed in the bombing.", 149L)]
    [InlineData("Forty personnel belonging to the 7th Wing of the Frontier Corps Balochistan were killed in the attacks.", 40L)]
    [InlineData("Eleven workers of a private construction company contracted by the highways department were killed.", 11L)]
    [InlineData("Six children, aged between five and twelve, who were playing cricket near their village, were killed.", 6L)]
    [InlineData("Two journalists, one of them a correspondent for a national daily, were shot dead in Khuzdar.", 2L)]
    [InlineData("Three policemen on duty at the checkpoint on the outskirts of the city were martyred.", 3L)]
    public void A_figure_far_from_its_verb_is_read(string text, long killed) =>
        Assert.Equal(killed, Figures(text).Killed);

    [Theory]
    [InlineData("Security forces arrested 5 militants in Bannu on Monday who had killed a policeman.", 1L)]
    [InlineData("Police arrested 12 suspects and killed 2 others in the raid.", 2L)]
    public void A_long_noun_phrase_does_not_carry_a_figure_past_another_verb(string text, long killed) =>
        Assert.Equal(killed, Figures(text).Killed);

    [Theory]
    [InlineData("The bomb killed two people and wounded another 9.", 9L)]
    [InlineData("The attack resulted in the death of one constable and the wounding of 5 others.", 5L)]
    [InlineData("Four children sustained injuries when a grenade exploded.", 4L)]
    [InlineData("Seven people were stabbed at the shrine.", 7L)]
    [InlineData("Three policemen sustained serious bullet injuries.", 3L)]
    [InlineData("Eleven passers-by received multiple splinter wounds in the blast.", 11L)]
    [InlineData("The grenade killed a shopkeeper and injured a further 6 customers.", 6L)]
    [InlineData("Gunmen killed three men and left 8 others with injuries.", 8L)]
    [InlineData("A constable was killed and another injured in the attack.", 1L)]
    [InlineData("Gunmen shot dead a lawyer in Quetta, while his clerk sustained critical injuries.", 1L)]
    [InlineData("A bomb killed two traders; their driver was seriously injured.", 1L)]
    [InlineData("A gunman killed four worshippers, wounding another six before he was shot dead by guards.", 6L)]
    public void Injury_wordings_are_read(string text, long injured) =>
        Assert.Equal(injured, Figures(text).Injured);

    [Theory]
    [InlineData("The suicide blast claimed 12 civilians' lives.", 12L)]
    [InlineData("The bombing claimed seven civilians' lives in Mazar-i-Sharif.", 7L)]
    [InlineData("A shopkeeper was stabbed to death in Sialkot.", 1L)]
    [InlineData("Three policemen embraced martyrdom in the attack.", 3L)]
    [InlineData("The rocket attack took the lives of five children.", 5L)]
    [InlineData("The convoy was ambushed near Zhob and the driver was killed.", 1L)]
    public void Death_wordings_are_read(string text, long killed) =>
        Assert.Equal(killed, Figures(text).Killed);

    [Theory]
    [InlineData("Militants killed three policemen in Bannu. In a separate attack in Lakki Marwat, two soldiers were martyred.", 5L, "sum-of-sub-events:")]
    [InlineData("Four people were killed in a blast in Quetta. Meanwhile, in Turbat, gunmen shot dead two labourers.", 6L, "sum-of-sub-events:")]
    [InlineData("A roadside bomb killed two soldiers. In another attack, militants killed three policemen in Tank.", 5L, "sum-of-sub-events:")]
    [InlineData("The first blast killed 5 people and the second killed 7; in all, 12 people were killed.", 12L, "stated-total:")]
    [InlineData("Four soldiers were killed at one post. A total of 7 soldiers were martyred, the ISPR said.", 7L, "stated-total:")]
    [InlineData("The two bombings killed 19 people altogether. In a separate blast at a bus stop, eight were killed.", 19L, "stated-total:")]
    public void Sub_events_are_added_unless_the_text_gives_the_total_and_the_rule_says_which(string text, long killed, string rule)
    {
        var doc = new TextDocument(text);
        var (k, _) = CasualtyTotals.Of(CasualtyParser.Find(doc), doc);
        Assert.Equal(killed, k?.Best);
        Assert.StartsWith(rule, k?.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_that_refers_back_to_the_attack_restates_its_toll_and_opens_no_sub_event() =>
        Assert.Equal(12L, Figures("A suicide bomber killed 12 people in Quetta. Meanwhile, the prime minister condemned the attack that killed 12 people.").Killed);

    [Fact]
    public void A_restated_figure_in_one_report_is_not_added_to_itself() =>
        Assert.Equal(12L, Figures("Twelve people were killed in the blast. The 12 people killed included four children.").Killed);

    [Theory]
    [InlineData("More than 800 people were injured in the blast.", 801L, "more-than:stated+1")]
    [InlineData("Over 100 people were killed.", 101L, "over:stated+1")]
    [InlineData("Fewer than 10 people were hurt.", 9L, "fewer-than:stated-1")]
    public void The_rule_states_the_convention_that_moved_best_off_the_stated_number(string text, long best, string rule)
    {
        var doc = new TextDocument(text);
        var mention = CasualtyParser.Find(doc).Single();
        Assert.Equal((best, rule), (mention.Best!.Value, mention.Rule));
    }
}
