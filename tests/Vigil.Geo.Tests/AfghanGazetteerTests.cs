using Vigil.Domain.Text;
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
    public void A_district_is_not_found_in_a_province_it_does_not_lie_in() =>
        Assert.Null(G.FindDistrict("Tere Zayi district (Alisher)", "AFG", G.FindProvince("Kunar", "AFG")!.Code));

    [Theory]
    [InlineData("Ningarhar", "AF-NAN")]
    [InlineData("Nangahar", "AF-NAN")]
    [InlineData("Helmand", "AF-HEL")]
    [InlineData("Hilmand", "AF-HEL")]
    [InlineData("Konar", "AF-KNR")]
    [InlineData("Hirat", "AF-HER")]
    [InlineData("Kondoz", "AF-KDZ")]
    [InlineData("Oruzgan", "AF-URU")]
    [InlineData("Nimruz", "AF-NIM")]
    [InlineData("Faryob", "AF-FYB")]
    [InlineData("Badakhshan", "AF-BDS")]
    [InlineData("Sar-e Pol", "AF-SAR")]
    [InlineData("Sari Pul", "AF-SAR")]
    [InlineData("Daikundi", "AF-DAY")]
    [InlineData("Panjsher", "AF-PAN")]
    [InlineData("Jawzjan", "AF-JOW")]
    [InlineData("Vardak", "AF-WAR")]
    [InlineData("Khowst", "AF-KHO")]
    [InlineData("Paktiya", "AF-PIA")]
    [InlineData("Paktia", "AF-PIA")]
    [InlineData("Paktika", "AF-PKA")]
    public void Afghan_province_spellings_in_use_resolve(string spelling, string code) =>
        Assert.Equal(code, G.FindProvince(spelling)?.Code);

    [Fact]
    public void Paktika_and_Paktia_are_two_provinces_that_share_no_spelling()
    {
        var paktika = G.ProvinceByCode("AF-PKA")!;
        var paktia = G.ProvinceByCode("AF-PIA")!;

        var paktikaKeys = paktika.Variants.Prepend(paktika.Name).Select(n => NameKey.Of(n)).ToHashSet();
        var paktiaKeys = paktia.Variants.Prepend(paktia.Name).Select(n => NameKey.Of(n)).ToHashSet();

        Assert.Equal(("Paktika", "Paktia"), (paktika.Name, paktia.Name));
        Assert.Empty(paktikaKeys.Intersect(paktiaKeys));
    }

    [Fact]
    public void No_spelling_of_a_province_names_another_province()
    {
        var owners = G.Provinces
            .SelectMany(p => p.Variants.Prepend(p.Name).Append(p.Code).Select(n => (Key: NameKey.Of(n), p.Code)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Code).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Code).Distinct())}");
        Assert.Empty(owners);

        // And every spelling, with or without the word "province", finds its own province in any country.
        Assert.All(G.Provinces, p => Assert.All(p.Variants.Prepend(p.Name), name =>
        {
            Assert.Same(p, G.FindProvince(name));
            Assert.Same(p, G.FindProvince(name + " province"));
        }));
    }

    [Fact]
    public void Within_an_Afghan_province_every_district_spelling_names_one_district() =>
        Assert.All(G.Districts.Where(d => d.Country == "AFG"), d => Assert.All(d.Variants.Prepend(d.Name), name =>
            Assert.Same(d, G.FindDistrict(name, "AFG", d.ProvinceCode))));

    [Theory]
    [InlineData("Jalalabad district", "Nangarhar province", "Jalalabad")]
    [InlineData("Khogyani district", "Nangarhar province", "Khogayani")]
    [InlineData("Lal Pur district", "Nangarhar province", "Lal Por")]
    [InlineData("Dand Wa Patan district", "Paktya province", "Dand Patan")]
    [InlineData("Jani Khel district (Paktika)", "Paktika province", "Jani Khel")]
    [InlineData("Jaji Maydan district", "Khost province", "Jaji Maidan")]
    [InlineData("Spera district", "Khost province", "Spira")]
    [InlineData("Shaygal wa shiltan district", "Kunar province", "Shaygal wa shital")]
    [InlineData("Sirkanay district", "Kunar province", "Sarkani")]
    public void UCDP_district_spellings_resolve_within_their_province(string spelling, string province, string name)
    {
        var code = G.FindProvince(province, "AFG")!.Code;
        var district = G.FindDistrict(spelling, "AFG", code);

        Assert.Equal((name, code), (district?.Name, district?.ProvinceCode));
    }
}
