using System.Globalization;
using System.Text;
using Vigil.Domain.Incidents;
using Vigil.Geo;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// Afghan events in UCDP's layout resolve to Afghan provinces and districts and count in Afghanistan. The
/// expected names are read from data/gazetteer/*.csv by these tests (an independent CSV reader and name
/// rule), not asked of the gazetteer under test.
/// </summary>
public class AfghanUcdpImportTests
{
    /// <summary>One event as UCDP writes it, with the coordinates of the place (UCDP's where they have it).</summary>
    public sealed record Event(string Id, string Adm1, string Adm2, string Where, double Latitude, double Longitude,
        string ProvinceCode, string District, string Country = "Afghanistan");

    /// <summary>
    /// Kabul, Nangarhar (once as Ningarhar), Kandahar, Helmand (once as Hilmand), Paktika and Paktiya; one
    /// Pakistani event beside them. <see cref="Event.District"/> is the district as the source names it.
    /// </summary>
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

    public static TheoryData<string> AfghanIds => [.. Events.Where(e => e.Country == "Afghanistan").Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(AfghanIds))]
    public void An_Afghan_event_resolves_to_its_Afghan_province_and_district_with_no_place_flag(string id)
    {
        var e = Events.Single(x => x.Id == id);
        using var db = new TestDatabase();
        db.Import(WriteFixture(db));

        var incident = db.Store.Query(IncidentQuery.All).Single(i => i.SourceRecord!.RecordId == id);

        Assert.Equal("Afghanistan", incident.Place.Country);
        Assert.Equal(GazetteerFiles.Province(e.ProvinceCode), incident.Place.Admin1);
        Assert.Equal(GazetteerFiles.District(e.ProvinceCode, e.District), incident.Place.Admin2);
        Assert.Equal(QualityFlags.None, incident.Flags & PlaceFlags);
    }

    [Fact]
    public void The_fixture_coordinates_lie_in_the_district_each_event_names()
    {
        // A check of the fixture itself: a point in another district would make the name tests prove less.
        foreach (var e in Events)
            Assert.Equal(GazetteerFiles.District(e.ProvinceCode, e.District), Gazetteer.Bundled.Locate(e.Latitude, e.Longitude, e.Country == "Pakistan" ? "PAK" : "AFG")?.Name);
    }

    [Fact]
    public void Afghan_events_count_in_Afghanistan_and_not_in_Pakistan()
    {
        using var db = new TestDatabase();
        db.Import(WriteFixture(db));

        var byCountry = db.Store.Aggregate(IncidentQuery.All, GroupBy.Country).ToDictionary(r => r.Key ?? "(none)", r => r.Incidents);

        Assert.Equal(new Dictionary<string, long> { ["Afghanistan"] = 8, ["Pakistan"] = 1 }, byCountry);
        Assert.Equal(1, db.Store.Count(new IncidentQuery { Countries = ["Pakistan"] }));
        Assert.Equal(8, db.Store.Count(new IncidentQuery { Countries = ["Afghanistan"] }));
    }

    [Fact]
    public void Paktika_and_Paktiya_events_land_in_two_different_provinces()
    {
        using var db = new TestDatabase();
        db.Import(WriteFixture(db));

        var byProvince = db.Store.Aggregate(new IncidentQuery { Countries = ["Afghanistan"] }, GroupBy.Province)
            .ToDictionary(r => r.Key!, r => r.Incidents);

        Assert.Equal(1, byProvince[GazetteerFiles.Province("AF-PKA")]);
        Assert.Equal(1, byProvince[GazetteerFiles.Province("AF-PIA")]);
        Assert.Equal(2, byProvince[GazetteerFiles.Province("AF-NAN")]);
        Assert.Equal(2, byProvince[GazetteerFiles.Province("AF-HEL")]);
    }

    [Fact]
    public void Every_Afghan_event_of_the_real_UCDP_Candidate_file_that_names_a_province_resolves_to_it()
    {
        var path = SharedData.Raw("ucdp-candidate-2026/ucdp_candidate_2026_afpak.csv");
        var rows = CsvTable.Utf8(path).Rows.Where(r => r["country"] == "Afghanistan").ToDictionary(r => r["id"]);
        using var db = new TestDatabase();
        db.Import(path);

        var afghan = db.Store.Query(new IncidentQuery { Countries = ["Afghanistan"] }).ToDictionary(i => i.SourceRecord!.RecordId);

        Assert.Equal(115, rows.Count);
        Assert.Equal(rows.Keys.Order(StringComparer.Ordinal), afghan.Keys.Order(StringComparer.Ordinal));
        var failures = new List<string>();
        foreach (var (id, row) in rows)
        {
            var place = afghan[id].Place;
            if (row.Text("adm_1") is not { } adm1)
            {
                // Country (where_prec 6) or border-line (5) events: UCDP names no province, and neither does Vigil.
                if (row["where_prec"] is not ("5" or "6") || place.Admin1 is not null)
                    failures.Add($"{id}: no adm_1 at where_prec {row["where_prec"]}, province {place.Admin1}");
                continue;
            }
            var code = GazetteerFiles.ProvinceCodeOf(adm1);
            var district = row.Text("adm_2") is { } adm2 ? GazetteerFiles.District(code, adm2) : null;
            if (place.Admin1 != GazetteerFiles.Province(code) || place.Admin2 != district || (afghan[id].Flags & PlaceFlags) != 0)
                failures.Add($"{id}: '{adm1}' / '{row["adm_2"]}' became {place.Admin1} / {place.Admin2} ({afghan[id].Flags & PlaceFlags})");
        }
        Assert.Empty(failures);
        Assert.Equal(101, rows.Values.Count(r => r.Text("adm_1") is not null));
        Assert.Equal(90, afghan.Values.Count(i => i.Place.Admin2 is not null));
    }

    private const QualityFlags PlaceFlags = QualityFlags.UnknownProvince | QualityFlags.UnknownDistrict
        | QualityFlags.DistrictFromCoordinates | QualityFlags.ProvinceFromDistrict;

    /// <summary>The events in the columns of the bundled UCDP GED file (its header copied, no HXL row).</summary>
    private static string WriteFixture(TestDatabase db)
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
                ["year"] = "2026",
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
                ["date_start"] = "2026-03-10",
                ["date_end"] = "2026-03-10",
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
        var path = db.Folder.File("afghan-ucdp.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>data/gazetteer/admin1.csv and admin2.csv as these tests read them: names and variants by a plain key.</summary>
    private static class GazetteerFiles
    {
        private static readonly CsvTable Admin1 = CsvTable.Utf8(RepoFiles.Path_("data", "gazetteer", "admin1.csv"));
        private static readonly CsvTable Admin2 = CsvTable.Utf8(RepoFiles.Path_("data", "gazetteer", "admin2.csv"));

        public static string Province(string code) => Admin1.Rows.Single(r => r["code"] == code)["name"];

        /// <summary>The code of the one Afghan province whose name or a variant is the spelling (a trailing "province" dropped).</summary>
        public static string ProvinceCodeOf(string spelling)
        {
            var key = Without(Key(spelling), "province");
            return Admin1.Rows.Single(r => r["country"] == "AFG" && Spellings(r).Contains(key))["code"];
        }

        /// <summary>The name of the one district of the province whose name or a variant is the spelling ("district" and a bracket dropped).</summary>
        public static string District(string provinceCode, string spelling)
        {
            var bracket = spelling.IndexOf('(', StringComparison.Ordinal);
            var keys = new[] { Key(spelling), Without(Key(spelling), "district"), Without(Key(bracket > 0 ? spelling[..bracket] : spelling), "district") };
            var rows = Admin2.Rows.Where(r => r["admin1_code"] == provinceCode).ToList();
            return keys.Select(k => rows.Where(r => Spellings(r).Contains(k)).ToList()).First(m => m.Count == 1)[0]["name"];
        }

        private static HashSet<string> Spellings(CsvRecord row) =>
            [.. row["variants"].Split('|', StringSplitOptions.RemoveEmptyEntries).Append(row["name"]).Select(Key)];

        private static string Without(string key, string word) => key.EndsWith(" " + word, StringComparison.Ordinal) ? key[..^(word.Length + 1)] : key;

        /// <summary>Lower case, accents off, anything but letters and digits one space.</summary>
        private static string Key(string text)
        {
            var letters = text.Normalize(NormalizationForm.FormD)
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                .Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            return string.Join(' ', new string([.. letters]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
