using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Extraction.Review;
using Vigil.Geo;

namespace Vigil.Extraction.Tests.Review;

public class PlaceEditsTests
{
    private static readonly Incident Quetta = new()
    {
        Date = IncidentDate.OnDay(new DateOnly(2023, 3, 6)),
        Place = new Place { Country = "Pakistan", Admin1 = "Balochistan", Admin2 = "Quetta", Location = "Quetta", Latitude = 30.18, Longitude = 66.99, GeoPrecision = GeoPrecision.Exact },
    };

    private static Incident Edit(params (string Field, string Value)[] edits) =>
        ReportIncident.Edit(Quetta, edits.Select(e => new KeyValuePair<string, string>(e.Field, e.Value)), Gazetteer.Bundled);

    [Fact]
    public void A_district_typed_loosely_is_stored_under_its_gazetteer_name_with_its_province_and_the_old_town_and_point_dropped()
    {
        var edited = Edit(("district", "peshawar district")).Place;
        Assert.Equal(("Peshawar", "peshawar district", "Khyber Pakhtunkhwa", "Pakistan"), (edited.Admin2, edited.Admin2Raw, edited.Admin1, edited.Country));
        Assert.Equal((null, null, null, GeoPrecision.District), (edited.Location, edited.Latitude, edited.Longitude, edited.GeoPrecision));
    }

    [Fact]
    public void An_old_province_name_resolves_to_the_current_one_and_a_district_outside_it_is_cleared()
    {
        var edited = Edit(("province", "NWFP")).Place;
        Assert.Equal(("Khyber Pakhtunkhwa", "NWFP"), (edited.Admin1, edited.Admin1Raw));
        Assert.Null(edited.Admin2); // Quetta is not in Khyber Pakhtunkhwa
        Assert.Equal(GeoPrecision.Province, edited.GeoPrecision);
    }

    [Fact]
    public void A_misspelt_district_is_refused_with_the_names_it_may_mean()
    {
        var e = Assert.Throws<FieldException>(() => Edit(("district", "Pehsawar")));
        Assert.Equal("district", e.Field);
        Assert.Contains("did you mean Peshawar", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_district_name_several_provinces_share_needs_the_province_which_may_come_in_the_same_edit()
    {
        var e = Assert.Throws<FieldException>(() => Edit(("district", "Kohistan")));
        Assert.Contains("names several districts", e.Problem, StringComparison.Ordinal);
        // The province edit is applied first whatever the order given.
        var edited = Edit(("district", "Kohistan"), ("province", "Khyber Pakhtunkhwa")).Place;
        Assert.Equal(("Kohistan", "Khyber Pakhtunkhwa", "Pakistan"), (edited.Admin2, edited.Admin1, edited.Country));
    }
}
