using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Geo;

namespace Vigil.Extraction.Review;

/// <summary>
/// An analyst's district or province edit, normalised through the gazetteer as imports are: the typed text is kept
/// as the raw name, the canonical name (and the province and country a district lies in) is stored, and a place that
/// moves to another unit loses the coordinates and town of the old one. A name the gazetteer does not know, or shares
/// between several units, is refused with the names it might have meant.
/// </summary>
public static class PlaceEdits
{
    public static Place District(Place place, string typed, Gazetteer gazetteer)
    {
        var province = gazetteer.FindProvince(place.Admin1);
        var district = (province is null ? null : gazetteer.FindDistrict(typed, province.Country, province.Code)) ?? gazetteer.FindDistrict(typed);
        if (district is null)
            throw new FieldException("district", Unknown(typed, "district", gazetteer.Districts.SelectMany(d => d.Variants.Prepend(d.Name)), gazetteer));
        var admin1 = gazetteer.ProvinceByCode(district.ProvinceCode)?.Name;
        var same = string.Equals(place.Admin2, district.Name, StringComparison.OrdinalIgnoreCase);
        return place with
        {
            Country = Countries.NameByIso3.GetValueOrDefault(district.Country) ?? place.Country,
            Admin1 = admin1 ?? place.Admin1,
            Admin1Raw = string.Equals(admin1, place.Admin1, StringComparison.Ordinal) ? place.Admin1Raw : admin1,
            Admin2 = district.Name,
            Admin2Raw = typed,
            Location = same ? place.Location : null,
            Latitude = same ? place.Latitude : null,
            Longitude = same ? place.Longitude : null,
            GeoPrecision = same ? place.GeoPrecision : GeoPrecision.District,
        };
    }

    public static Place Province(Place place, string typed, Gazetteer gazetteer)
    {
        var found = gazetteer.FindProvince(typed)
            ?? throw new FieldException("province", Unknown(typed, "province", gazetteer.Provinces.SelectMany(p => p.Variants.Prepend(p.Name)), gazetteer));
        var province = gazetteer.Current(found);
        var districtStays = place.Admin2 is not null && gazetteer.FindDistrict(place.Admin2, province.Country, province.Code) is not null;
        return place with
        {
            Country = Countries.NameByIso3.GetValueOrDefault(province.Country) ?? place.Country,
            Admin1 = province.Name,
            Admin1Raw = typed,
            Admin2 = districtStays ? place.Admin2 : null,
            Admin2Raw = districtStays ? place.Admin2Raw : null,
            Location = districtStays ? place.Location : null,
            Latitude = districtStays ? place.Latitude : null,
            Longitude = districtStays ? place.Longitude : null,
            GeoPrecision = districtStays ? place.GeoPrecision : GeoPrecision.Province,
        };
    }

    private static string Unknown(string typed, string level, IEnumerable<string> names, Gazetteer gazetteer)
    {
        var key = NameKey.Of(typed);
        var close = names.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => (Name: n, Distance: Distance(key, NameKey.Of(n))))
            .Where(x => x.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).Take(3).Select(x => x.Name).ToList();
        var shared = level == "district" && gazetteer.Districts.Count(d => d.Variants.Prepend(d.Name).Any(n => NameKey.Of(n) == key)) > 1;
        return shared
            ? $"'{typed}' names several districts; set the province first (province=...) or give the district's full name"
            : $"'{typed}' is not a {level} in the gazetteer" + (close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : "");
    }

    /// <summary>Edit distance (insertions, deletions, substitutions) between two names.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
