using Vigil.Geo;

namespace Vigil.Geo.Tests;

public class GazetteerTests
{
    private static readonly Gazetteer G = Gazetteer.Bundled;

    [Theory]
    [InlineData("NWFP", "Khyber Pakhtunkhwa")]
    [InlineData("KPK", "Khyber Pakhtunkhwa")]
    [InlineData("Khyber Pakhtunkwa province", "Khyber Pakhtunkhwa")]
    [InlineData("Baluchistan", "Balochistan")]
    [InlineData("Balochistan province", "Balochistan")]
    [InlineData("Azad Jammu & Kashmir", "Azad Jammu and Kashmir")]
    [InlineData("Capital", "Islamabad Capital Territory")]
    [InlineData("Nangarhār", "Nangarhar")]
    public void Province_spellings_resolve_to_the_current_name(string spelling, string current)
    {
        var found = G.FindProvince(spelling);

        Assert.NotNull(found);
        Assert.Equal(current, G.Current(found).Name);
    }

    [Fact]
    public void FATA_is_a_historical_unit_whose_successor_is_Khyber_Pakhtunkhwa()
    {
        var fata = G.FindProvince("Federally Administered Tribal Areas")!;

        Assert.True(fata.Historical);
        Assert.Equal(new DateOnly(2018, 5, 31), fata.ValidUntil);
        Assert.Equal("Khyber Pakhtunkhwa", G.Current(fata).Name);
        Assert.Same(fata, G.FindProvince("Fata"));
    }

    [Theory]
    [InlineData("Khyber agency", "Khyber")]
    [InlineData("Khyber Agency", "Khyber")]
    [InlineData("North waziristan", "North Waziristan")]
    [InlineData("Jafarabad Distrcit", "Jafarabad")]
    [InlineData("Swat district", "Swat")]
    public void District_spellings_resolve_and_former_agencies_remember_FATA(string spelling, string name)
    {
        var district = G.FindDistrict(spelling, "PAK");

        Assert.NotNull(district);
        Assert.Equal(name, district.Name);
    }

    [Fact]
    public void A_former_agency_lies_in_Khyber_Pakhtunkhwa_and_was_in_FATA()
    {
        var khyber = G.FindDistrict("Khyber agency", "PAK")!;

        Assert.Equal("PK-KP", khyber.ProvinceCode);
        Assert.Equal("PK-TA", khyber.HistoricalProvinceCode);
    }

    [Fact]
    public void A_name_shared_by_two_Afghan_districts_needs_the_province_to_resolve()
    {
        Assert.Null(G.FindDistrict("Kohistan", "AFG"));
        var faryab = G.FindProvince("Faryab")!.Code;
        var inFaryab = G.FindDistrict("Kohistan", "AFG", faryab);
        Assert.NotNull(inFaryab);
        Assert.Equal(faryab, inFaryab.ProvinceCode);
    }

    [Theory]
    [InlineData(34.190457, 71.069264, "PAK", "Khyber")]            // Torkham crossing, as geocoded by UCDP
    [InlineData(30.922222, 66.444722, "PAK", "Killa Abdullah")]    // Chaman
    [InlineData(33.143889, 70.023889, "PAK", "North Waziristan")]  // Ghulam Khan
    [InlineData(24.8607, 67.0011, "PAK", "Karachi")]
    [InlineData(34.5553, 69.2075, "AFG", "Kabul")]
    [InlineData(24.8607, 67.0011, null, "Karachi")]
    public void Coordinates_find_their_district(double lat, double lon, string? country, string district) =>
        Assert.Equal(district, G.Locate(lat, lon, country)?.Name);

    [Fact]
    public void A_point_on_the_border_lies_in_a_district_on_each_side()
    {
        var pakistan = G.Locate(34.190457, 71.069264, "PAK");
        var afghanistan = G.Locate(34.190457, 71.069264, "AFG");

        Assert.Equal(("PAK", "AFG"), (pakistan?.Country, afghanistan?.Country));
    }

    [Fact]
    public void A_point_far_from_any_district_finds_none() => Assert.Null(G.Locate(0, 0));

    [Fact]
    public void Every_boundary_shape_is_a_district_and_every_place_names_a_known_district()
    {
        Assert.Equal(126, G.Districts.Count(d => d.Country == "PAK" && d.BoundaryId is not null));
        Assert.Equal(398, G.Districts.Count(d => d.Country == "AFG" && d.BoundaryId is not null));
        Assert.All(G.Places.Where(p => p.District is not null), p => Assert.NotNull(G.FindDistrict(p.District, p.Country, p.ProvinceCode)));
    }

    [Fact]
    public void The_five_border_crossings_are_places_at_their_product_coordinates()
    {
        var crossings = G.Places.Where(p => p.Kind == "crossing").ToDictionary(p => p.Name, p => (p.Latitude, p.Longitude));

        Assert.Equal(5, crossings.Count);
        Assert.Equal((34.190457, 71.069264), crossings["Torkham"]);
    }
}
