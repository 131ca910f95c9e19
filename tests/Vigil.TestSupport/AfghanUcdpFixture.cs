using System.Globalization;
using System.Text;

namespace Vigil.TestSupport;

/// <summary>
/// Afghan events written in UCDP's layout (the header of the bundled UCDP GED file, no HXL row), at the real
/// coordinates of their places: Kabul, Nangarhar (once spelled Ningarhar), Kandahar, Helmand (once Hilmand),
/// Paktika and Paktiya, and one Pakistani event beside them.
/// </summary>
public static class AfghanUcdpFixture
{
    /// <summary>One event; <see cref="District"/> is the district as the source names it, <see cref="ProvinceCode"/> the expected province.</summary>
    public sealed record Event(string Id, string Adm1, string Adm2, string Where, double Latitude, double Longitude,
        string ProvinceCode, string District, string Country = "Afghanistan");

    public static readonly IReadOnlyList<Event> Events =
    [
        new("900001", "Kabul province", "Kabul district", "Kabul city", 34.531094, 69.162796, "AF-KAB", "Kabul"),
        new("900002", "Nangarhar province", "Jalalabad district", "Jalalabad town", 34.42647, 70.45153, "AF-NAN", "Jalalabad"),
        new("900003", "Ningarhar province", "Achin district", "Achin district", 34.12, 70.70, "AF-NAN", "Achin"),
        new("900004", "Kandahar province", "Kandahar district", "Kandahar city", 31.61332, 65.71013, "AF-KAN", "Kandahar"),
        new("900005", "Helmand province", "Lashkar Gah district", "Lashkar Gah town", 31.59382, 64.37161, "AF-HEL", "Lashkar Gah"),
        new("900006", "Hilmand province", "Nad Ali district", "Marjah town", 31.5167, 64.1167, "AF-HEL", "Nad Ali"),
        new("900007", "Paktika province", "Urgun district", "Urgun town", 32.9317, 69.1863, "AF-PKA", "Urgun"),
        new("900008", "Paktiya province", "Gardez district", "Gardez town", 33.59744, 69.22592, "AF-PIA", "Gardez"),
        new("900009", "Khyber Pakhtunkhwa province", "Peshawar district", "Peshawar city", 34.008, 71.578, "PK-KP", "Peshawar", "Pakistan"),
    ];

    public static IEnumerable<Event> Afghan => Events.Where(e => e.Country == "Afghanistan");

    /// <summary>Writes the events, each on <paramref name="day"/> (YYYY-MM-DD) with 3 killed, to a new CSV file.</summary>
    public static string Write(string path, string day = "2026-03-10")
    {
        var header = File.ReadLines(RepoFiles.BundledUcdp).First().Split(',');
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder().AppendLine(string.Join(',', header));
        foreach (var e in Events)
        {
            var afghan = e.Country == "Afghanistan";
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["id"] = e.Id,
                ["year"] = day[..4],
                ["type_of_violence"] = "1",
                ["conflict_name"] = afghan ? "Afghanistan: Islamic State" : "Pakistan: Government",
                ["side_a"] = afghan ? "Government of Afghanistan" : "Government of Pakistan",
                ["side_b"] = afghan ? "IS" : "TTP",
                ["where_prec"] = "1",
                ["where_coordinates"] = e.Where,
                ["adm_1"] = e.Adm1,
                ["adm_2"] = e.Adm2,
                ["latitude"] = e.Latitude.ToString(inv),
                ["longitude"] = e.Longitude.ToString(inv),
                ["country"] = e.Country,
                ["iso3"] = afghan ? "AFG" : "PAK",
                ["event_clarity"] = "1",
                ["date_prec"] = "1",
                ["date_start"] = day,
                ["date_end"] = day,
                ["deaths_a"] = "1",
                ["deaths_b"] = "2",
                ["deaths_civilians"] = "0",
                ["deaths_unknown"] = "0",
                ["best"] = "3",
                ["high"] = "3",
                ["low"] = "3",
            };
            text.AppendLine(string.Join(',', header.Select(c => values.GetValueOrDefault(c, ""))));
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
