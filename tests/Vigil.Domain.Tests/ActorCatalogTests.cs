using Vigil.Domain.Actors;

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
    public void Aliases_resolve_to_one_canonical_actor(string raw, string canonical) =>
        Assert.Equal(canonical, Catalog.Resolve(raw)?.Name);

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
