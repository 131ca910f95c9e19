using System.Globalization;
using System.Text;
using Vigil.Domain.Incidents;
using Vigil.Geo;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// Afghan events in UCDP's layout (<see cref="AfghanUcdpFixture"/>) resolve to Afghan provinces and districts and count in Afghanistan. The
/// expected names are read from data/gazetteer/*.csv by these tests (an independent CSV reader and name
/// rule), not asked of the gazetteer under test.
/// </summary>
public class AfghanUcdpImportTests
{
    public static TheoryData<string> AfghanIds => [.. AfghanUcdpFixture.Afghan.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(AfghanIds))]
    public void An_Afghan_event_resolves_to_its_Afghan_province_and_district_with_no_place_flag(string id)
    {
        var e = AfghanUcdpFixture.Events.Single(x => x.Id == id);
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
        foreach (var e in AfghanUcdpFixture.Events)
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
        var path = RepoFiles.BundledUcdpCandidate;
        var rows = CsvTable.Utf8(path).Rows.Where(r => r["country"] == "Afghanistan").ToDictionary(r => r["id"]);
        using var db = new TestDatabase();
        db.Import(path, new ImportOptions { Format = "ucdp-candidate" });

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

    private static string WriteFixture(TestDatabase db) => AfghanUcdpFixture.Write(db.Folder.File("afghan-ucdp.csv"));

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
