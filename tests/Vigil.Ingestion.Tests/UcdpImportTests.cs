using System.Globalization;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Geo;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;
using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests;

public class UcdpImportTests
{
    private const string Fata = "Federally Administered Tribal Areas";

    [Theory]
    [InlineData(UcdpFile.Shared)]
    [InlineData(UcdpFile.Bundled)]
    public void Importing_the_UCDP_file_creates_one_incident_per_event(string copy)
    {
        var path = UcdpFile.Path(copy);
        var csv = CsvTable.Ucdp(path);
        using var db = new TestDatabase();

        var result = db.Import(path);

        Assert.Equal(UcdpFile.Events, csv.Rows.Count);
        Assert.Equal("ucdp-ged", result.Format);
        Assert.Equal(UcdpFile.Events, result.Summary.Created);
        Assert.Equal(0, result.Summary.Rejected);
        Assert.Equal(UcdpFile.Events, db.Store.Count(IncidentQuery.All));
        Assert.Equal(
            csv.Rows.Select(r => r["id"]).Order(StringComparer.Ordinal),
            db.Store.Query(IncidentQuery.All).Select(i => i.SourceRecord!.RecordId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(UcdpFile.Shared)]
    [InlineData(UcdpFile.Bundled)]
    public void Yearly_sums_of_best_fatalities_in_the_store_equal_those_computed_from_the_CSV(string copy)
    {
        var path = UcdpFile.Path(copy);
        var expected = CsvTable.Ucdp(path).Rows
            .GroupBy(r => r["date_start"][..4])
            .ToDictionary(g => g.Key, g => (Incidents: (long)g.Count(), KilledBest: g.Sum(r => (long)r.Int("best")!.Value)));
        using var db = new TestDatabase();

        db.Import(path);
        var actual = db.Store.Aggregate(IncidentQuery.All, GroupBy.Year)
            .ToDictionary(r => r.Key!, r => (r.Incidents, r.KilledBest));

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(UcdpFile.Shared)]
    [InlineData(UcdpFile.Bundled)]
    public void Re_importing_the_same_UCDP_file_changes_no_incident(string copy)
    {
        var path = UcdpFile.Path(copy);
        using var db = new TestDatabase();
        db.Import(path);
        var before = FingerprintParts.Of(db.Path);

        var again = db.Import(path);
        var after = FingerprintParts.Of(db.Path);

        Assert.Equal((0L, 0L, (long)UcdpFile.Events), (again.Summary.Created, again.Summary.Updated, again.Summary.Unchanged));
        Assert.Equal(before["incidents"], after["incidents"]);
        Assert.Equal(before["incident_sources"], after["incident_sources"]);
        Assert.Equal(before["revisions"], after["revisions"]);
        Assert.NotEqual(before["imports"], after["imports"]);
    }

    [Fact]
    public void UCDP_rows_whose_killed_range_is_inconsistent_are_flagged_and_keep_their_values_as_given()
    {
        var rows = CsvTable.Ucdp(RepoFiles.BundledUcdp).Rows;
        var inconsistent = rows.Where(r => r.Int("low") > r.Int("best") || r.Int("best") > r.Int("high")).ToDictionary(r => r["id"]);
        using var db = new TestDatabase();

        db.Import(RepoFiles.BundledUcdp);
        var flagged = db.Store.Query(IncidentQuery.All)
            .Where(i => (i.Flags & (QualityFlags.KilledLowAboveBest | QualityFlags.KilledBestAboveHigh)) != 0)
            .ToList();

        Assert.Equal(200, inconsistent.Count);
        Assert.Equal(200, flagged.Count);
        foreach (var incident in flagged)
        {
            var row = inconsistent[incident.SourceRecord!.RecordId];
            Assert.Equal((row.Int("low"), row.Int("best"), row.Int("high")), (incident.Killed.Low, incident.Killed.Best, incident.Killed.High));
            Assert.Equal(row.Int("low") > row.Int("best"), incident.Flags.HasFlag(QualityFlags.KilledLowAboveBest));
            Assert.Equal(row.Int("best") > row.Int("high"), incident.Flags.HasFlag(QualityFlags.KilledBestAboveHigh));
        }
    }

    [Fact]
    public void UCDP_rows_in_FATA_are_placed_in_Khyber_Pakhtunkhwa_and_keep_FATA_as_the_source_said()
    {
        var fataIds = CsvTable.Ucdp(RepoFiles.BundledUcdp).Rows.Where(r => r["adm_1"] == Fata).Select(r => r["id"]).ToHashSet();
        using var db = new TestDatabase();

        db.Import(RepoFiles.BundledUcdp);
        var fata = db.Store.Query(IncidentQuery.All).Where(i => fataIds.Contains(i.SourceRecord!.RecordId)).ToList();

        Assert.NotEmpty(fataIds);
        Assert.Equal(fataIds.Count, fata.Count);
        Assert.All(fata, i => Assert.Equal(("Khyber Pakhtunkhwa", Fata), (i.Place.Admin1, i.Place.Admin1Raw)));
    }

    [Fact]
    public void UCDP_rows_with_no_district_take_the_one_their_location_names_else_the_one_at_precise_coordinates()
    {
        // where_coordinates names the place ("Islamabad city", "Bara town"); when the gazetteer knows it (within
        // the row's province), that is the district. Otherwise where_prec 1-3 (the place itself, within 25 km,
        // in the district) lets the point decide.
        var rows = NoDistrictButCoordinates().ToList();
        var byName = rows.Select(r => (Id: r["id"], District: NamedInProvince(r.Text("where_coordinates"), r.Text("adm_1"))))
            .Where(p => p.District is not null).ToDictionary(p => p.Id, p => p.District!.Name);
        var precise = rows.Where(r => !byName.ContainsKey(r["id"]) && r["where_prec"] is "1" or "2" or "3").Select(r => r["id"]).ToHashSet();
        using var db = new TestDatabase();

        db.Import(RepoFiles.BundledUcdp);
        var incidents = db.Store.Query(IncidentQuery.All).ToDictionary(i => i.SourceRecord!.RecordId);

        Assert.NotEmpty(byName);
        Assert.NotEmpty(precise);
        Assert.All(byName, p =>
        {
            var i = incidents[p.Key];
            Assert.Equal(p.Value, i.Place.Admin2);
            Assert.True(i.Flags.HasFlag(QualityFlags.DistrictFromLocation), $"{i.SourceRecord}: {i.Flags}");
            Assert.False(i.Flags.HasFlag(QualityFlags.DistrictFromCoordinates), $"{i.SourceRecord}: {i.Flags}");
        });
        Assert.All(precise.Select(id => incidents[id]), i =>
        {
            Assert.Null(i.Place.Admin2Raw);
            Assert.NotNull(i.Place.Admin2);
            Assert.True(i.Flags.HasFlag(QualityFlags.DistrictFromCoordinates), $"{i.SourceRecord}: {i.Flags}");
        });
    }

    [Fact]
    public void UCDP_rows_whose_precise_point_lies_far_from_the_district_they_name_keep_the_district_and_are_flagged()
    {
        // Far: more than the boundaries' tolerance (about 10 km) outside the named district's polygon, measured
        // here on the polygons themselves.
        var g = Gazetteer.Bundled;
        var expected = new Dictionary<string, (string District, bool Far)>();
        foreach (var r in CsvTable.Ucdp(RepoFiles.BundledUcdp).Rows)
        {
            if (r["where_prec"] is not ("1" or "2" or "3") || r.Text("latitude") is null
                || NamedInProvince(r.Text("adm_2"), r.Text("adm_1")) is not { BoundaryId: not null } named)
                continue;
            var point = new NetTopologySuite.Geometries.Point(double.Parse(r["longitude"], CultureInfo.InvariantCulture), double.Parse(r["latitude"], CultureInfo.InvariantCulture));
            var distance = g.DistrictShapes.Where(s => ReferenceEquals(s.District, named)).Min(s => s.Shape.Distance(point));
            expected[r["id"]] = (named.Name, distance > Vigil.Geo.DistrictLocator.ToleranceDegrees);
        }
        using var db = new TestDatabase();

        db.Import(RepoFiles.BundledUcdp);
        var incidents = db.Store.Query(IncidentQuery.All).Where(i => expected.ContainsKey(i.SourceRecord!.RecordId)).ToList();

        Assert.Equal(expected.Count, incidents.Count);
        Assert.Contains(expected.Values, e => e.Far);
        Assert.All(incidents, i =>
        {
            var (district, far) = expected[i.SourceRecord!.RecordId];
            Assert.Equal(district, i.Place.Admin2);
            Assert.True(far == i.Flags.HasFlag(QualityFlags.CoordinatesOutsideDistrict), $"{i.SourceRecord}: {i.Flags}");
        });
    }

    /// <summary>The district a name stands for in the gazetteer, a district's or a town's, looked up within the province named.</summary>
    private static District? NamedInProvince(string? name, string? province)
    {
        var g = Gazetteer.Bundled;
        if (name is null)
            return null;
        var code = g.FindProvince(province, "PAK")?.Code;
        return g.FindDistrict(name, "PAK", code) ?? (g.FindPlace(name, "PAK", code) is { } town ? g.DistrictOf(town) : null);
    }

    [Fact]
    public void UCDP_rows_located_only_to_a_province_a_line_or_the_country_get_no_district_from_their_coordinates()
    {
        // where_prec 4-7: the coordinates are a province's or the country's centre, or a point on a line
        // such as the Line of Control; a district found from them would be invented.
        var vague = NoDistrictButCoordinates().Where(r => r["where_prec"] is not ("1" or "2" or "3"))
            .ToDictionary(r => r["id"], r => r.Text("adm_1"));
        using var db = new TestDatabase();

        db.Import(RepoFiles.BundledUcdp);
        var incidents = db.Store.Query(IncidentQuery.All).Where(i => vague.ContainsKey(i.SourceRecord!.RecordId)).ToList();

        Assert.NotEmpty(vague);
        Assert.Equal(vague.Count, incidents.Count);
        Assert.All(incidents, i =>
        {
            Assert.Null(i.Place.Admin2);
            Assert.False(i.Flags.HasFlag(QualityFlags.DistrictFromCoordinates), $"{i.SourceRecord}: {i.Flags}");
            Assert.False(i.Flags.HasFlag(QualityFlags.ProvinceFromDistrict), $"{i.SourceRecord}: {i.Flags}");
            if (vague[i.SourceRecord!.RecordId] is null)
                Assert.Null(i.Place.Admin1);
        });
    }

    private static IEnumerable<CsvRecord> NoDistrictButCoordinates() =>
        CsvTable.Ucdp(RepoFiles.BundledUcdp).Rows.Where(r => r.Text("adm_2") is null && r.Text("latitude") is not null);

    [Fact]
    public void UCDP_rows_that_name_a_district_do_not_carry_the_district_from_coordinates_flag()
    {
        var named = CsvTable.Ucdp(RepoFiles.BundledUcdp).Rows.Where(r => r.Text("adm_2") is not null).Select(r => r["id"]).ToHashSet();
        using var db = new TestDatabase();

        db.Import(RepoFiles.BundledUcdp);

        Assert.All(db.Store.Query(IncidentQuery.All).Where(i => named.Contains(i.SourceRecord!.RecordId)),
            i => Assert.False(i.Flags.HasFlag(QualityFlags.DistrictFromCoordinates), $"{i.SourceRecord}"));
    }

    [Fact]
    public void Every_side_the_UCDP_file_names_resolves_and_only_governments_resolve_to_states()
    {
        var sides = CsvTable.Ucdp(RepoFiles.BundledUcdp).Rows.SelectMany(r => new[] { r["side_a"], r["side_b"] })
            .Distinct(StringComparer.Ordinal).ToList();
        var catalog = Vigil.Domain.Actors.ActorCatalog.Bundled;

        Assert.True(sides.Count > 60, $"only {sides.Count} side names");
        var unresolved = sides.Where(s => catalog.Resolve(s) is null).ToList();
        Assert.True(unresolved.Count == 0, "unresolved: " + string.Join(", ", unresolved));
        Assert.All(sides, s => Assert.Equal(s.StartsWith("Government of", StringComparison.Ordinal),
            catalog.Resolve(s)!.Kind == Vigil.Domain.Actors.ActorKind.State));
    }

    [Fact]
    public void UCDP_side_b_TTP_resolves_to_the_TTP_and_the_Afghan_Taliban_stay_a_different_actor()
    {
        var rows = CsvTable.Ucdp(RepoFiles.BundledUcdp).Rows;
        var ttp = rows.Where(r => r["side_b"] == "TTP").ToDictionary(r => r["id"], r => r["type_of_violence"]);
        var taleban = rows.Where(r => r["side_b"] == "Taleban").ToDictionary(r => r["id"], r => r["type_of_violence"]);
        using var db = new TestDatabase();

        db.Import(RepoFiles.BundledUcdp);
        var byId = db.Store.Query(IncidentQuery.All).ToDictionary(i => i.SourceRecord!.RecordId);

        Assert.NotEmpty(ttp);
        Assert.NotEmpty(taleban);
        // Side B is, by UCDP's type of violence: the armed group fighting the state (1), the second group (2), the victims (3).
        ActorRef? SideB(string id, string type) => type switch { "1" => byId[id].ArmedGroup, "2" => byId[id].OtherParty, _ => byId[id].Target };
        Assert.All(ttp, r => Assert.Equal(new ActorRef("TTP", "TTP"), SideB(r.Key, r.Value)));
        Assert.All(taleban, r => Assert.Equal(new ActorRef("Afghan Taliban", "Taleban"), SideB(r.Key, r.Value)));
    }

    [Fact]
    public void Re_importing_a_UCDP_file_with_one_changed_best_estimate_updates_that_incident_with_a_revision()
    {
        using var db = new TestDatabase();
        db.Import(RepoFiles.BundledUcdp);
        var lines = File.ReadAllLines(RepoFiles.BundledUcdp);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        // A row without quoted fields (so splitting on commas is exact) whose range leaves room to move best.
        var index = Enumerable.Range(2, lines.Length - 2).First(i =>
        {
            if (lines[i].Contains('"', StringComparison.Ordinal))
                return false;
            var f = lines[i].Split(',');
            return int.Parse(f[Col("low")], CultureInfo.InvariantCulture) < int.Parse(f[Col("high")], CultureInfo.InvariantCulture)
                && f[Col("best")] != f[Col("high")];
        });
        var fields = lines[index].Split(',');
        var (id, oldBest, newBest) = (fields[Col("id")], fields[Col("best")], fields[Col("high")]);
        fields[Col("best")] = newBest;
        lines[index] = string.Join(',', fields);
        var modified = db.Folder.File("conflict_data_pak.modified.csv");
        File.WriteAllLines(modified, lines);

        var result = db.Import(modified);
        var incident = db.Store.Query(IncidentQuery.All with { Datasets = ["ucdp-ged"] }).Single(i => i.SourceRecord!.RecordId == id);
        var revisions = db.Store.GetRevisions(incident.Id);

        Assert.Equal((0L, 1L, UcdpFile.Events - 1L), (result.Summary.Created, result.Summary.Updated, result.Summary.Unchanged));
        Assert.Equal(int.Parse(newBest, CultureInfo.InvariantCulture), incident.Killed.Best);
        Assert.Equal(2, incident.Revision);
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        var update = revisions[1];
        Assert.Equal(RevisionKind.Update, update.Kind);
        Assert.Equal(result.Summary.ImportId, update.ImportId);
        Assert.Equal([new FieldChange("killed_best", oldBest, newBest)], update.Changes);
    }
}
