using Vigil.Domain.Actors;
using Vigil.Domain.Text;

namespace Vigil.Domain.Tests;

public class ActorCatalogTests
{
    private static readonly ActorCatalog Catalog = ActorCatalog.Bundled;

    [Theory]
    [InlineData("Tehrik-i-Taliban Pakistan", "TTP")]
    [InlineData("TTP", "TTP")]
    [InlineData("Pakistani Taliban", "TTP")]
    [InlineData("TTP: Tehreek-i-Taliban Pakistan", "TTP")]
    [InlineData("Tehrik-i-Taliban Pakistan (TTP)", "TTP")]
    [InlineData("Islamic State Khorasan Province", "ISKP")]
    [InlineData("IS-K", "ISKP")]
    [InlineData("Khorasan Chapter of the Islamic State", "ISKP")]
    [InlineData("Taleban", "Afghan Taliban")]
    [InlineData("Military Forces of Pakistan (2018-)", "Government of Pakistan")]
    [InlineData("Baloch Liberation Army", "BLA")]
    [InlineData("al-Qaeda", "al-Qaida")]
    // Pakistan's official designation of the TTP (2024), as the press and ISPR spell it.
    [InlineData("Fitna al-Khawarij", "TTP")]
    [InlineData("Fitna al Khawarij", "TTP")]
    [InlineData("fitna-al-khwarij", "TTP")]
    [InlineData("khawarij", "TTP")]
    [InlineData("Khwarij", "TTP")]
    [InlineData("Jamaat-ul-Ahrar (JuA)", "Jamaat-ul-Ahrar")]
    [InlineData("Hafiz Gul Bahadur group", "Hafiz Gul Bahadur Group")]
    [InlineData("Lashkar-e-Islam (Pakistan)", "Lashkar-e-Islam")]
    [InlineData("BLA-J: Balochistan Liberation Army (Jeeyand)", "BLA-Jeeyand")]
    [InlineData("Baloch Liberation Army - Azad", "BLA-Azad")]
    [InlineData("Majid Brigade", "Majeed Brigade")]
    [InlineData("Baloch Liberation Front (BLF)", "BLF")]
    [InlineData("Baloch Republican Army", "BRA")]
    [InlineData("Baloch Raaji Aajoi Sangar (BRAS)", "BRAS")]
    [InlineData("ISIS-K", "ISKP")]
    [InlineData("ISIS-Khorasan", "ISKP")]
    [InlineData("Islamic State – Khorasan Province", "ISKP")]
    [InlineData("Daesh Khorasan", "ISKP")]
    [InlineData("Islamic Emirate of Afghanistan", "Afghan Taliban")]
    [InlineData("Lashkar-e-Jhangvi", "LeJ")]
    [InlineData("Lashkar-e-Jhangvi al-Alami", "LeJ-A")]
    [InlineData("MQM (Haqiqi)", "MQM-H")]
    [InlineData("Lashkhar of Wazir tribe", "Lashkar of Wazir tribe")]
    public void Aliases_resolve_to_one_canonical_actor(string raw, string canonical) =>
        Assert.Equal(canonical, Catalog.Resolve(raw)?.Name);

    [Theory]
    [InlineData("Jamaat-ul-Ahrar", "TTP")]
    [InlineData("TTP-KM", "TTP")]
    [InlineData("TTP-SM", "TTP")]
    [InlineData("BLA-Jeeyand", "BLA")]
    [InlineData("BLA-Azad", "BLA")]
    [InlineData("Majeed Brigade", "BLA")]
    [InlineData("LeJ-A", "LeJ")]
    [InlineData("ISKP", "IS")]
    public void Factions_are_actors_of_their_own_with_their_parent(string faction, string parent)
    {
        var actor = Catalog.Resolve(faction)!;

        Assert.Equal(faction, actor.Name);
        Assert.Equal(parent, actor.Parent);
        Assert.NotSame(actor, Catalog.Resolve(parent));
    }

    [Fact]
    public void Every_name_in_the_table_resolves_to_its_own_actor_and_no_two_actors_share_one()
    {
        var names = Catalog.Actors.SelectMany(a => a.Aliases.Prepend(a.Name).Select(n => (Key: NameKey.Of(n), Name: n, Actor: a))).ToList();

        Assert.All(names, n => Assert.False(n.Key.Length == 0, $"'{n.Name}' of {n.Actor.Name} has no letters or digits"));
        Assert.All(names.GroupBy(n => n.Key), g => Assert.True(g.Select(n => n.Actor.Name).Distinct().Count() == 1,
            $"'{g.Key}' names {string.Join(" and ", g.Select(n => n.Actor.Name).Distinct())}"));
        Assert.All(names, n => Assert.True(ReferenceEquals(n.Actor, Catalog.Resolve(n.Name)), $"'{n.Name}' resolves to {Catalog.Resolve(n.Name)?.Name ?? "nothing"}, not {n.Actor.Name}"));
        Assert.Equal(Catalog.Actors.Count, Catalog.Actors.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Every_parent_is_an_actor_of_the_table() =>
        Assert.All(Catalog.Actors.Where(a => a.Parent is not null), a => Assert.Contains(Catalog.Actors, p => p.Name == a.Parent && p != a));

    [Fact]
    public void The_Afghan_Taliban_are_not_the_TTP() =>
        Assert.NotEqual(Catalog.Resolve("Afghan Taliban")!.Name, Catalog.Resolve("Pakistani Taliban")!.Name);

    [Fact]
    public void An_ambiguous_name_stays_unresolved_and_keeps_its_raw_text()
    {
        var reference = Catalog.Ref("Taliban");

        Assert.NotNull(reference);
        Assert.Null(reference.Name);
        Assert.Equal("Taliban", reference.Raw);
    }

    [Fact]
    public void A_faction_is_its_own_actor_with_a_parent() =>
        Assert.Equal("TTP", Catalog.Resolve("Jamaat-ul-Ahrar")!.Parent);

    [Fact]
    public void An_alias_claimed_by_two_actors_is_refused()
    {
        var text = "name,kind,parent,aliases\nA,militant,,Same name\nB,militant,,same-name\n";
        var e = Assert.Throws<Errors.VigilException>(() => ActorCatalog.Parse(new StringReader(text), "actors.csv"));
        Assert.Contains("both A and B", e.Message, StringComparison.Ordinal);
    }
}
