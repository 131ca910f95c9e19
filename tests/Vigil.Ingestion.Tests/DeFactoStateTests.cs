using Vigil.Domain.Actors;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Normalization;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// The Afghan Taliban are an armed group until 15 August 2021 and the de facto state of Afghanistan from then on
/// (data/actors/actors.csv, <c>state_from</c>): an attack they commit is a militant attack before that day and,
/// like any state's, not one after it.
/// </summary>
public class DeFactoStateTests
{
    private static Incident Attack(DateOnly day, string perpetrator) => new()
    {
        Date = IncidentDate.OnDay(day),
        EventType = EventType.ArmedAssault,
        Category = EventCategories.FromType(EventType.ArmedAssault, perpetratorIsState: false),
        Perpetrator = new ActorRef(null, perpetrator),
    };

    [Theory]
    [InlineData("2021-08-14", "Afghan Taliban", EventCategory.MilitantAttack)]
    [InlineData("2021-08-15", "Afghan Taliban", EventCategory.Other)]
    [InlineData("2023-03-01", "Islamic Emirate of Afghanistan", EventCategory.Other)]
    [InlineData("2023-03-01", "TTP", EventCategory.MilitantAttack)]
    [InlineData("2015-03-01", "Pakistan Army", EventCategory.Other)]
    public void An_attack_is_militant_only_while_its_perpetrator_is_no_state(string day, string perpetrator, EventCategory expected)
    {
        var normalized = IncidentNormalizer.Bundled().Normalize(Attack(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), perpetrator));

        Assert.Equal(expected, normalized.Category);
    }

    [Fact]
    public void The_alias_table_says_when_the_Taliban_became_the_state()
    {
        var taliban = ActorCatalog.Bundled.Resolve("Taleban")!;

        Assert.Equal(new DateOnly(2021, 8, 15), taliban.StateFrom);
        Assert.False(taliban.IsStateOn(new DateOnly(2021, 8, 14)));
        Assert.True(taliban.IsStateOn(new DateOnly(2021, 8, 15)));
        Assert.Null(ActorCatalog.Bundled.Resolve("TTP")!.StateFrom);
    }
}
