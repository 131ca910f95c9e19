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

    [Fact]
    public void A_district_holds_its_own_town_that_the_coarse_boundaries_put_just_across_the_line()
    {
        // Bannu town as UCDP geocodes it falls in North Waziristan's polygon, about 4 km from Bannu's.
        const double lat = 32.985414, lon = 70.602701;
        var bannu = G.FindDistrict("Bannu", "PAK")!;

        Assert.Equal("North Waziristan", G.Locate(lat, lon, "PAK")?.Name);
        Assert.True(G.Holds(bannu, lat, lon));
        Assert.False(G.Holds(bannu, 33.008611, 70.069722)); // Miranshah, some 50 km away
    }

    [Fact]
    public void A_district_with_no_polygon_cannot_say_whether_it_holds_a_point() =>
        Assert.Null(G.Holds(G.FindDistrict("FR Bannu", "PAK")!, 32.985414, 70.602701));

    [Fact]
    public void Locating_within_a_province_takes_its_nearest_district_when_the_point_is_just_across_the_line()
    {
        // Rawalpindi town as UCDP geocodes it falls in Islamabad's polygon.
        Assert.Equal("Islamabad", G.Locate(33.6007, 73.0679, "PAK")?.Name);
        Assert.Equal("Rawalpindi", G.Locate(33.6007, 73.0679, "PAK", "PK-PB")?.Name);
        Assert.Null(G.Locate(30.19, 67.01, "PAK", "PK-PB")); // Quetta is nowhere near Punjab
    }

    [Fact]
    public void A_town_name_two_districts_share_is_found_within_the_province_named_historical_ones_included()
    {
        // A small gazetteer of its own: "Khar" is Bajaur's headquarters, and here also a village in two other districts.
        District[] districts =
        [
            new("PAK", "PK-KP", "Bajaur", "PK-TA", null, null, null, []),
            new("PAK", "PK-KP", "Malakand", null, null, null, null, []),
            new("PAK", "PK-BA", "Quetta", null, null, null, null, []),
        ];
        NamedPlace[] places =
        [
            new("PAK", "Khar", [], "PK-KP", "Bajaur", 34.73, 71.52, "town"),
            new("PAK", "Khar", [], "PK-KP", "Malakand", 34.61, 71.94, "village"),
            new("PAK", "Khar", [], "PK-BA", "Quetta", 30.2, 67.0, "village"),
        ];
        var g = new Gazetteer([], districts, places, _ => throw new InvalidOperationException("no boundaries in this test"));

        Assert.Null(g.FindPlace("Khar", "PAK"));
        Assert.Null(g.FindPlace("Khar", "PAK", "PK-KP"));
        Assert.Equal("Bajaur", g.FindPlace("Khar", "PAK", "PK-TA")?.District);
        Assert.Equal("Quetta", g.FindPlace("Khar", "PAK", "PK-BA")?.District);
    }
}
