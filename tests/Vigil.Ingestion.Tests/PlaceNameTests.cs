using System.Globalization;
using NetTopologySuite.Geometries;
using Vigil.Domain.Incidents;
using Vigil.Geo;
using Vigil.Ingestion.Tests.Support;
using Vigil.Storage;

namespace Vigil.Ingestion.Tests;

/// <summary>
/// Places as a GTD file gives them: a city (which may be a district or a town), a province and a point.
/// The name the gazetteer knows wins over the point; a point far from the named district, or in another
/// province than the one named, is flagged. Every expectation is worked out here from the gazetteer and the
/// boundaries, not taken from the normaliser.
/// </summary>
public class PlaceNameTests
{
    private const string Kp = "Khyber Pakhtunkhwa";
    private static readonly Gazetteer G = Gazetteer.Bundled;

    private sealed record GtdRow(string Id, string Province, string City, double Latitude, double Longitude);

    [Theory]
    [InlineData("Bannu", 32.8306, 70.2691)]
    [InlineData("Hangu", 33.6665, 71.2226)]
    [InlineData("Kohat", 33.6265, 70.9726)]
    [InlineData("Peshawar", 33.7230, 71.3374)]
    public void A_city_that_is_a_district_wins_over_a_point_well_inside_the_neighbouring_district_and_the_disagreement_is_flagged(
        string city, double latitude, double longitude)
    {
        var named = G.FindDistrict(city, "PAK", "PK-KP")!;
        var atPoint = G.Locate(latitude, longitude, "PAK");
        Assert.NotNull(atPoint);
        Assert.NotSame(named, atPoint);
        Assert.True(DistanceToPolygon(named, latitude, longitude) > DistrictLocator.ToleranceDegrees, "the point must lie well outside the named district");

        var incident = ImportOne(new GtdRow("201001010001", Kp, city, latitude, longitude));

        Assert.Equal((named.Name, Kp), (incident.Place.Admin2, incident.Place.Admin1));
        Assert.True(incident.Flags.HasFlag(QualityFlags.CoordinatesOutsideDistrict), incident.Flags.ToString());
        Assert.True(incident.Flags.HasFlag(QualityFlags.DistrictFromLocation), incident.Flags.ToString());
        Assert.False(incident.Flags.HasFlag(QualityFlags.DistrictFromCoordinates), incident.Flags.ToString());
        // Both sides of the disagreement stay visible: the city as named and the point as given.
        Assert.Equal((city, latitude, longitude), (incident.Place.Location, incident.Place.Latitude, incident.Place.Longitude));
    }

    [Theory]
    [InlineData("Bannu", Kp, 32.985414, 70.602701)] // Bannu town as UCDP geocodes it
    [InlineData("Rawalpindi", "Punjab", 33.6007, 73.0679)] // Rawalpindi town as UCDP geocodes it
    public void A_city_s_own_point_that_the_coarse_boundaries_put_just_across_the_line_keeps_the_named_district_unflagged(
        string city, string province, double latitude, double longitude)
    {
        var named = G.FindDistrict(city, "PAK")!;
        var atPoint = G.Locate(latitude, longitude, "PAK");
        Assert.NotNull(atPoint);
        Assert.NotSame(named, atPoint); // what the district was before: Bannu → North Waziristan, Rawalpindi → Islamabad
        Assert.True(DistanceToPolygon(named, latitude, longitude) <= DistrictLocator.ToleranceDegrees);

        var incident = ImportOne(new GtdRow("201001010002", province, city, latitude, longitude));

        Assert.Equal((named.Name, province), (incident.Place.Admin2, incident.Place.Admin1));
        Assert.False(incident.Flags.HasFlag(QualityFlags.CoordinatesOutsideDistrict), incident.Flags.ToString());
    }

    [Fact]
    public void A_town_the_gazetteer_knows_gives_the_district_it_lies_in()
    {
        const double latitude = 34.7833, longitude = 72.3667;
        var town = G.FindPlace("Mingora", "PAK")!;
        var district = G.DistrictOf(town)!;
        Assert.Same(district, G.Locate(latitude, longitude, "PAK"));

        var incident = ImportOne(new GtdRow("201001010003", Kp, "Mingora", latitude, longitude));

        Assert.Equal((district.Name, Kp), (incident.Place.Admin2, incident.Place.Admin1));
        Assert.True(incident.Flags.HasFlag(QualityFlags.DistrictFromLocation), incident.Flags.ToString());
        Assert.False(incident.Flags.HasFlag(QualityFlags.CoordinatesOutsideDistrict), incident.Flags.ToString());
    }

    [Fact]
    public void A_city_the_gazetteer_does_not_know_takes_the_district_at_its_point_and_says_so()
    {
        const double latitude = 33.9600, longitude = 71.4700;
        Assert.Null(G.FindDistrict("Sarband", "PAK"));
        Assert.Null(G.FindPlace("Sarband", "PAK"));
        var atPoint = G.Locate(latitude, longitude, "PAK")!;
        Assert.True(Gazetteer.InProvince(atPoint, "PK-KP"));

        var incident = ImportOne(new GtdRow("201001010004", Kp, "Sarband", latitude, longitude));

        Assert.Equal((atPoint.Name, Kp), (incident.Place.Admin2, incident.Place.Admin1));
        Assert.True(incident.Flags.HasFlag(QualityFlags.DistrictFromCoordinates), incident.Flags.ToString());
        Assert.False(incident.Flags.HasFlag(QualityFlags.DistrictFromLocation), incident.Flags.ToString());
    }

    [Theory]
    [InlineData("Sarband", "Punjab", 33.9600, 71.4700)] // an unknown village, its point in Khyber Pakhtunkhwa
    [InlineData("Quetta", Kp, 30.1900, 67.0100)] // a district of Balochistan, named with the wrong province
    public void A_point_in_another_province_than_the_named_one_gives_no_district_and_is_flagged(
        string city, string province, double latitude, double longitude)
    {
        var named = G.FindProvince(province, "PAK")!;
        var atPoint = G.Locate(latitude, longitude, "PAK")!;
        Assert.False(Gazetteer.InProvince(atPoint, named.Code));
        Assert.Null(G.FindDistrict(city, "PAK", named.Code));
        Assert.Null(G.Locate(latitude, longitude, "PAK", named.Code)); // not even within the boundaries' tolerance

        var incident = ImportOne(new GtdRow("201001010005", province, city, latitude, longitude));

        Assert.Equal((named.Name, (string?)null), (incident.Place.Admin1, incident.Place.Admin2));
        Assert.True(incident.Flags.HasFlag(QualityFlags.CoordinatesOutsideProvince), incident.Flags.ToString());
        Assert.False(incident.Flags.HasFlag(QualityFlags.DistrictFromCoordinates), incident.Flags.ToString());
        Assert.Equal((province, city, latitude, longitude), (incident.Place.Admin1Raw, incident.Place.Location, incident.Place.Latitude, incident.Place.Longitude));
    }

    /// <summary>Degrees from a point to a district's polygon (0 inside it), straight from the bundled boundaries.</summary>
    private static double DistanceToPolygon(District district, double latitude, double longitude) =>
        G.DistrictShapes.Where(s => ReferenceEquals(s.District, district)).Min(s => s.Shape.Distance(new Point(longitude, latitude)));

    private static Incident ImportOne(GtdRow row)
    {
        using var db = new TestDatabase();
        var path = db.Folder.Write("gtd-places.csv", GtdFile(row));
        db.Import(path);
        return Assert.Single(db.Store.Query(IncidentQuery.All));
    }

    /// <summary>A file in GTD's layout (codebook column names, a few of the columns Vigil does not read among them).</summary>
    private static string GtdFile(params GtdRow[] rows)
    {
        const string header = "eventid,iyear,imonth,iday,approxdate,extended,resolution,country,country_txt,region,provstate,city,latitude,longitude,specificity,vicinity,doubtterr,suicide,attacktype1_txt,targtype1_txt,corp1,target1,gname,nkill,nkillter,nwound";
        var lines = rows.Select(r => string.Join(',',
            r.Id, "2010", "1", "1", "", "0", "", "153", "Pakistan", "6", r.Province, r.City,
            r.Latitude.ToString(CultureInfo.InvariantCulture), r.Longitude.ToString(CultureInfo.InvariantCulture), "1", "0", "0", "0",
            "Bombing/Explosion", "Police", "Police", "Checkpoint", "Unknown", "2", "0", "5"));
        return header + "\n" + string.Join("\n", lines) + "\n";
    }
}
