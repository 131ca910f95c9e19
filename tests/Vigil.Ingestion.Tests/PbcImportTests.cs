using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Domain.Incidents;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// The Pakistan Body Count files, read from ../shared only: they have no licence and must never be
/// copied into the repository.
/// </summary>
public partial class PbcImportTests
{
    [Fact]
    public void Importing_the_PBC_suicide_file_creates_one_incident_per_attack()
    {
        var path = SharedData.PbcSuicide;
        var rows = CsvTable.Pbc(path).Rows;
        using var db = new TestDatabase();

        var result = db.Import(path);

        Assert.Equal(492, rows.Count);
        Assert.Equal("pbc-suicide", result.Format);
        Assert.Equal(492, result.Summary.Created);
        Assert.Equal(492, db.Store.Count(IncidentQuery.All with { Datasets = ["pbc-suicide"] }));
        Assert.All(db.Store.Query(IncidentQuery.All), i => Assert.Equal(EventType.SuicideBombing, i.EventType));
    }

    [Fact]
    public void PBC_suicide_casualty_sums_in_the_store_equal_the_sums_of_the_CSV()
    {
        var path = SharedData.PbcSuicide;
        var rows = CsvTable.Pbc(path).Rows;
        using var db = new TestDatabase();

        db.Import(path);
        var incidents = db.Store.Query(IncidentQuery.All).ToList();

        Assert.Equal(
            (rows.Sum(r => r.Int("Killed Min") ?? 0), rows.Sum(r => r.Int("Killed Max") ?? 0),
                rows.Sum(r => r.Int("Injured Min") ?? 0), rows.Sum(r => r.Int("Injured Max") ?? 0)),
            (incidents.Sum(i => i.Killed.Low ?? 0), incidents.Sum(i => i.Killed.High ?? 0),
                incidents.Sum(i => i.Injured.Low ?? 0), incidents.Sum(i => i.Injured.High ?? 0)));
    }

    [Fact]
    public void Importing_the_PBC_drone_file_creates_one_incident_per_strike_and_skips_the_TOTALS_row()
    {
        var path = SharedData.PbcDrone;
        var rows = CsvTable.Pbc(path).Rows;
        var strikes = rows.Where(r => r.Text("S#") is not null).ToList();
        using var db = new TestDatabase();

        var result = db.Import(path);

        Assert.Equal(404, strikes.Count);
        Assert.Null(rows[^1].Text("S#"));
        Assert.Equal("pbc-drone", result.Format);
        Assert.Equal(404, result.Summary.Created);
        Assert.Equal(0, result.Summary.Rejected);
        Assert.Equal(
            strikes.Select(r => r["S#"]).Order(StringComparer.Ordinal),
            db.Store.Query(IncidentQuery.All).Select(i => i.SourceRecord!.RecordId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_PBC_drone_TOTALS_row_equals_the_sums_over_the_imported_strikes_and_the_import_says_so()
    {
        var path = SharedData.PbcDrone;
        var totals = CsvTable.Pbc(path).Rows[^1];
        using var db = new TestDatabase();

        var result = db.Import(path);
        var strikes = db.Store.Query(IncidentQuery.All).ToList();

        Assert.Equal(
            (totals.Int("Total Died Min"), totals.Int("Total Died Mix"), totals.Int("Injured Min"), totals.Int("Injured Max")),
            ((int?)strikes.Sum(i => i.Killed.Low ?? 0), (int?)strikes.Sum(i => i.Killed.High ?? 0),
                (int?)strikes.Sum(i => i.Injured.Low ?? 0), (int?)strikes.Sum(i => i.Injured.High ?? 0)));
        Assert.Equal(totals.Int("Al-Qaeda") + totals.Int("Taliban"), strikes.Sum(i => i.KilledBreakdown?.Militants ?? 0));
        Assert.Contains(result.Notices, n => n.Contains("TOTALS row's figures equal the sums of the 404 strikes", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notices, n => n.Contains("WARNING", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Baluchistan", "Balochistan")]
    [InlineData("Balochistan", "Balochistan")]
    [InlineData("FATA", "Khyber Pakhtunkhwa")]
    [InlineData("Fata", "Khyber Pakhtunkhwa")]
    public void PBC_suicide_province_spellings_are_normalised_and_kept_as_given(string given, string normalised)
    {
        var path = SharedData.PbcSuicide;
        var ids = CsvTable.Pbc(path).Rows.Where(r => r["Province"] == given).Select(r => r["S#"]).ToHashSet();
        using var db = new TestDatabase();

        db.Import(path);
        var incidents = db.Store.Query(IncidentQuery.All).Where(i => ids.Contains(i.SourceRecord!.RecordId)).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, incidents.Count);
        Assert.All(incidents, i => Assert.Equal((normalised, given), (i.Place.Admin1, i.Place.Admin1Raw)));
    }

    [Fact]
    public void A_PBC_row_whose_province_contradicts_its_district_takes_the_district_s_province_keeps_the_source_s_and_is_flagged()
    {
        // PBC puts three Dera Ghazi Khan (Punjab) attacks in "KPK".
        var path = SharedData.PbcSuicide;
        var ids = CsvTable.Pbc(path).Rows.Where(r => r["Province"] == "KPK" && r["City"].Trim() == "D.G Khan").Select(r => r["S#"]).ToHashSet();
        using var db = new TestDatabase();

        db.Import(path);
        var incidents = db.Store.Query(IncidentQuery.All).Where(i => ids.Contains(i.SourceRecord!.RecordId)).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, incidents.Count);
        Assert.All(incidents, i =>
        {
            Assert.Equal(("Punjab", "KPK", "Dera Ghazi Khan"), (i.Place.Admin1, i.Place.Admin1Raw, i.Place.Admin2));
            Assert.True(i.Flags.HasFlag(QualityFlags.DistrictOutsideProvince), $"{i.SourceRecord}: {i.Flags}");
        });
    }

    [Fact]
    public void Both_PBC_date_styles_parse_to_the_day_the_text_names()
    {
        using var db = new TestDatabase();
        db.Import(SharedData.PbcSuicide);
        db.Import(SharedData.PbcDrone);
        var stored = db.Store.Query(IncidentQuery.All).ToDictionary(i => i.SourceRecord!.ToString(), i => i.Date);

        // Known rows, one per style.
        Assert.Equal(IncidentDate.OnDay(new DateOnly(1995, 11, 19)), stored["pbc-suicide:1"]);
        Assert.Equal(IncidentDate.OnDay(new DateOnly(2005, 5, 8)), stored["pbc-drone:2"]);
        // Every row: the month name, day and year in the text, read here by a pattern of its own.
        foreach (var (dataset, path) in new[] { ("pbc-suicide", SharedData.PbcSuicide), ("pbc-drone", SharedData.PbcDrone) })
        {
            foreach (var row in CsvTable.Pbc(path).Rows.Where(r => r.Text("S#") is not null))
            {
                var m = PbcDate().Match(row["Date"]);
                Assert.True(m.Success, row["Date"]);
                var month = Array.IndexOf(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, m.Groups["month"].Value) + 1;
                var expected = new DateOnly(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture));
                Assert.Equal(IncidentDate.OnDay(expected), stored[$"{dataset}:{row["S#"]}"]);
            }
        }
    }

    [Fact]
    public void A_PBC_row_whose_weekday_does_not_match_its_date_is_flagged()
    {
        var path = SharedData.PbcSuicide;
        var mismatched = CsvTable.Pbc(path).Rows.Where(r =>
        {
            var m = PbcDate().Match(r["Date"]);
            var month = Array.IndexOf(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, m.Groups["month"].Value) + 1;
            var date = new DateOnly(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture));
            return date.DayOfWeek.ToString() != m.Groups["weekday"].Value;
        }).Select(r => r["S#"]).ToHashSet();
        using var db = new TestDatabase();

        db.Import(path);
        var flagged = db.Store.Query(IncidentQuery.All).Where(i => i.Flags.HasFlag(QualityFlags.WeekdayMismatch)).Select(i => i.SourceRecord!.RecordId);

        Assert.NotEmpty(mismatched);
        Assert.Equal(mismatched.Order(StringComparer.Ordinal), flagged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_PBC_row_with_the_longitude_typo_is_imported_without_coordinates_and_flagged()
    {
        var path = SharedData.PbcSuicide;
        var typo = Assert.Single(CsvTable.Pbc(path).Rows, r => r["Longitude"] == "_71.456944");
        using var db = new TestDatabase();

        db.Import(path);
        var incident = db.Store.Query(IncidentQuery.All).Single(i => i.SourceRecord!.RecordId == typo["S#"]);
        var others = db.Store.Query(IncidentQuery.All).Where(i => i.Id != incident.Id);

        Assert.Null(incident.Place.Latitude);
        Assert.Null(incident.Place.Longitude);
        Assert.True(incident.Flags.HasFlag(QualityFlags.InvalidCoordinatesInSource));
        Assert.Contains("_71.456944", incident.Notes, StringComparison.Ordinal);
        Assert.Contains(typo["Latitude"], incident.Notes, StringComparison.Ordinal);
        Assert.All(others, i => Assert.False(i.Flags.HasFlag(QualityFlags.InvalidCoordinatesInSource), $"{i.SourceRecord}"));
    }

    [Fact]
    public void Negative_civilian_counts_in_the_PBC_drone_file_are_flagged_and_not_stored_as_counts()
    {
        var path = SharedData.PbcDrone;
        var negative = CsvTable.Pbc(path).Rows
            .Where(r => r.Text("S#") is not null && (r.Int("Civilians Min") < 0 || r.Int("Civilians Max") < 0))
            .ToDictionary(r => r["S#"]);
        using var db = new TestDatabase();

        db.Import(path);
        var all = db.Store.Query(IncidentQuery.All).ToList();
        var flagged = all.Where(i => i.Flags.HasFlag(QualityFlags.NegativeCountInSource)).ToList();

        Assert.NotEmpty(negative);
        Assert.Equal(negative.Keys.Order(StringComparer.Ordinal), flagged.Select(i => i.SourceRecord!.RecordId).Order(StringComparer.Ordinal));
        foreach (var incident in flagged)
        {
            var row = negative[incident.SourceRecord!.RecordId];
            var min = row.Int("Civilians Min");
            Assert.Equal(min < 0 ? null : min, incident.KilledBreakdown?.Civilians);
            Assert.Contains($"Civilians Max {row["Civilians Max"]}", incident.Notes, StringComparison.Ordinal);
        }
        Assert.All(all, i => Assert.True(i.KilledBreakdown?.Civilians is null or >= 0));
    }

    [GeneratedRegex(@"^(?<weekday>[A-Za-z]+)(?:-|, )(?<month>[A-Za-z]+) (?<day>\d{1,2})(?:-|, )(?<year>\d{4})$")]
    private static partial Regex PbcDate();
}
