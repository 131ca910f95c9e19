using Vigil.Domain.Incidents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;

namespace Vigil.Extraction.Tests.Incidents;

public class IncidentReportTests
{
    private static readonly DateOnly Tuesday = new(2023, 3, 7);

    private static ExtractedReport Report(string text, DateOnly? published = null)
    {
        var report = ArticleExtractor.Bundled.ExtractReport(new Article("t", text, published ?? Tuesday));
        Assert.NotNull(report);
        return report;
    }

    [Theory]
    [InlineData("Five people were killed in a blast on Monday.", "2023-03-06", "2023-03-06", DatePrecision.Day)]
    [InlineData("Five people were killed in a blast yesterday.", "2023-03-06", "2023-03-06", DatePrecision.Day)]
    [InlineData("Five people were killed in a blast on Tuesday.", "2023-03-07", "2023-03-07", DatePrecision.Day)]
    [InlineData("Five people were killed in a blast last Tuesday.", "2023-02-28", "2023-02-28", DatePrecision.Day)]
    [InlineData("Five people were killed in a blast last week.", "2023-02-27", "2023-03-05", DatePrecision.Week)]
    [InlineData("Five people were killed in a blast this week.", "2023-03-06", "2023-03-07", DatePrecision.Week)]
    [InlineData("Five people were killed in a blast on 12 December.", "2022-12-12", "2022-12-12", DatePrecision.Day)]
    [InlineData("Five people were killed in a blast on March 2, 2021.", "2021-03-02", "2021-03-02", DatePrecision.Day)]
    public void Resolves_dates_against_the_publication_date(string text, string start, string end, DatePrecision precision)
    {
        var date = Report(text).Date;
        Assert.NotNull(date);
        Assert.Equal(new IncidentDate(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), precision), date.Value);
    }

    [Fact]
    public void Finds_the_district_of_a_place_near_a_city_and_keeps_the_words()
    {
        const string text = "Two soldiers were killed when a bomb went off near Peshawar.";
        var place = Report(text).Place;
        Assert.NotNull(place);
        Assert.True(place.Near);
        Assert.Equal(("Peshawar", "Khyber Pakhtunkhwa"), (place.Place.Admin2, place.Place.Admin1));
        Assert.Equal("Peshawar", text[place.Start..place.End]);
    }

    [Fact]
    public void A_town_resolves_to_its_district()
    {
        var place = Report("Three people were killed in Mir Ali.").Place;
        Assert.Equal(("Mir Ali", "North Waziristan"), (place?.Place.Location, place?.Place.Admin2));
    }

    [Theory]
    [InlineData("The Pakistani Taliban claimed responsibility for the blast that killed four.", "TTP", AttributionCertainty.Claimed)]
    [InlineData("Police suspected Lashkar-e-Jhangvi of the shooting that killed four.", "LeJ", AttributionCertainty.Suspected)]
    [InlineData("ISKP gunmen killed four people at a shrine.", "ISKP", null)]
    public void Resolves_the_perpetrator_through_the_alias_table_with_its_certainty(string text, string actor, AttributionCertainty? certainty)
    {
        var p = Report(text).Perpetrator;
        Assert.NotNull(p);
        Assert.Equal((actor, certainty), (p.Value.Actor.Name, p.Value.Certainty));
    }

    [Fact]
    public void No_claim_means_an_unknown_perpetrator()
    {
        var p = Report("Four people were killed in a blast; no group has claimed responsibility.").Perpetrator;
        Assert.Equal(AttributionCertainty.Unknown, p?.Value.Certainty);
        Assert.Null(p?.Value.Actor.Name);
    }

    [Fact]
    public void The_Afghan_Taliban_are_not_taken_for_the_TTP_and_the_bare_word_Taliban_stays_unresolved()
    {
        Assert.Equal("Afghan Taliban", Report("The Afghan Taliban said four people were killed in the attack.").Perpetrator?.Value.Actor.Name);
        Assert.Null(Report("The Taliban said four people were killed in the attack.").Perpetrator);
    }

    [Theory]
    [InlineData("A suicide bomber killed five people.", EventType.SuicideBombing)]
    [InlineData("An IED killed five people.", EventType.Bombing)]
    [InlineData("Gunmen stormed a hotel and killed five people.", EventType.ArmedAssault)]
    [InlineData("A tribal elder was shot dead by unidentified men.", EventType.TargetedKilling)]
    [InlineData("Militants kidnapped five engineers.", EventType.Kidnapping)]
    [InlineData("Militants infiltrated from Afghanistan and killed five soldiers.", EventType.CrossBorderAttack)]
    [InlineData("Troops killed five militants in an operation.", EventType.SecurityOperation)]
    public void Classifies_the_event_type_with_its_cue(string text, EventType type)
    {
        var t = Report(text).EventType;
        Assert.Equal(type, t?.Value);
        Assert.Equal(t!.Evidence, text[t.Start..t.End]);
    }

    [Fact]
    public void Names_the_targets()
    {
        var targets = Report("A bomb at a mosque killed five worshippers and two policemen.").Targets.Select(t => t.Value).ToList();
        Assert.Contains(TargetType.Worshippers, targets);
        Assert.Contains(TargetType.Police, targets);
    }
}
