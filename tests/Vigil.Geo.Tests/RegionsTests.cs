namespace Vigil.Geo.Tests;

/// <summary>The regions people report apart, drawn from the bundled gazetteer and boundaries.</summary>
public class RegionsTests
{
    private static readonly Regions Bundled = Regions.For(Gazetteer.Bundled);

    [Fact]
    public void The_former_fata_is_the_thirteen_districts_that_were_its_agencies_and_frontier_regions()
    {
        var fata = Bundled.Find("ex-FATA")!;

        Assert.Equal("former-fata", fata.Key);
        Assert.Equal(13, fata.Districts.Count);
        Assert.All(fata.Districts, d => Assert.Equal("PK-TA", Gazetteer.Bundled.FindDistrict(d, "PAK")!.HistoricalProvinceCode));
        Assert.Empty(fata.Districts.Intersect(Bundled.Find("kp-mainland")!.Districts));
    }

    [Fact]
    public void Border_districts_lie_along_the_durand_line_on_both_sides_and_grow_with_the_distance()
    {
        var near = Bundled.Find("af-pak-border")!.Districts;
        var far = Bundled.Find("af-pak-border:150")!.Districts;

        // Districts that touch the border, on either side (crossings: Torkham in Khyber and Dand Patan; Chaman in
        // Killa Abdullah and Spin Boldak; Kurram; Zhob; Chitral; Achin in Nangarhar).
        Assert.Superset(new HashSet<string>(["Khyber", "Kurram", "North Waziristan", "South Waziristan", "Bajaur", "Zhob", "Chitral", "Killa Abdullah",
            "Spin Boldak", "Achin", "Dand Patan"]), near.ToHashSet());
        // Far from it: Lahore, Karachi, Islamabad; Kabul is farther than 50 km, Herat by the Iranian border.
        Assert.Empty(near.Intersect(["Lahore", "Karachi", "Islamabad", "Kabul", "Herat"]));
        Assert.Superset(near.ToHashSet(), far.ToHashSet());
        Assert.True(far.Count > near.Count);
        Assert.DoesNotContain("Karachi", far);
        Assert.Contains("150 km", Bundled.Find("af-pak-border:150")!.Name, StringComparison.Ordinal);
        Assert.Null(Bundled.Find("af-pak-border:0"));
        Assert.Null(Bundled.Find("former-fata:50"));
    }
}
