using Vigil.Geo;

namespace Vigil.Geo.Tests;

/// <summary>Afghan provinces and districts as UCDP and other sources write them.</summary>
public class AfghanGazetteerTests
{
    private static readonly Gazetteer G = Gazetteer.Bundled;

    [Theory]
    [InlineData("Kabul province", "AF-KAB")]
    [InlineData("Nangarhar province", "AF-NAN")]
    [InlineData("Kandahar province", "AF-KAN")]
    [InlineData("Hirat province", "AF-HER")]
    [InlineData("Paktya province", "AF-PIA")]
    [InlineData("Paktika province", "AF-PKA")]
    [InlineData("Panjsher province", "AF-PAN")]
    public void A_province_written_with_the_word_province_resolves(string spelling, string code) =>
        Assert.Equal(code, G.FindProvince(spelling, "AFG")?.Code);

    [Fact]
    public void The_word_province_is_not_enough_to_find_a_province_of_another_country() =>
        Assert.Null(G.FindProvince("Kabul province", "PAK"));

    [Theory]
    [InlineData("Fayzabad district (Badakhshan)", "Badakhshan", "AF-BDS")]
    [InlineData("Fayzabad district (Jowzjan)", "Jowzjan", "AF-JOW")]
    [InlineData("Tere Zayi district (Alisher)", "Khost", "AF-KHO")]
    [InlineData("Shinwar district (Ghani Khel)", "Nangarhar", "AF-NAN")]
    public void A_district_with_a_bracket_after_it_resolves_within_its_province(string spelling, string province, string code)
    {
        var district = G.FindDistrict(spelling, "AFG", G.FindProvince(province, "AFG")!.Code);

        Assert.NotNull(district);
        Assert.Equal(code, district.ProvinceCode);
        Assert.Equal(spelling[..spelling.IndexOf(" district", StringComparison.Ordinal)], district.Name);
    }

    [Fact]
    public void A_bracket_does_not_decide_between_two_districts_of_one_name_without_the_province() =>
        Assert.Null(G.FindDistrict("Fayzabad district (Badakhshan)", "AFG"));
}
