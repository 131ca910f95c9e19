using Vigil.Geo;
using Vigil.Reports.Model;

namespace Vigil.Reports.Maps;

/// <summary>
/// What the map shows: the districts of one country or of several side by side (ISO codes, Pakistan and
/// Afghanistan together when the incidents lie in both), and the province the report is limited to, if any.
/// </summary>
public sealed record MapScope(IReadOnlyList<string> Countries, Province? Province)
{
    public MapScope(string country, Province? province) : this([country], province) { }

    /// <summary>
    /// The report's scope read as a country ("Pakistan", "PAK") or a province ("Balochistan", a historical
    /// one counts as its successor); failing both, the country most of the report's districts lie in. Null
    /// when nothing says which country to draw.
    /// </summary>
    public static MapScope? Of(MonthlyReport report)
    {
        var gazetteer = Gazetteer.Bundled;
        var country = Geo.Countries.Iso3Of(report.Scope);
        if (country is not null)
            return new MapScope(country, null);
        var province = gazetteer.FindProvince(report.Scope);
        if (province is not null)
        {
            var current = gazetteer.Current(province);
            return new MapScope(current.Country, current);
        }
        var fromDistricts = report.Districts
            .Select(d => Geo.Countries.Iso3Of(d.Country))
            .OfType<string>()
            .GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .FirstOrDefault()?.Key;
        return fromDistricts is null ? null : new MapScope(fromDistricts, null);
    }

    /// <summary>"Pakistan", or "Afghanistan and Pakistan" for a map of both.</summary>
    public string CountryName => string.Join(" and ", Countries.Select(c => Geo.Countries.NameByIso3.GetValueOrDefault(c, c)));

    public bool Equals(MapScope? other) =>
        other is not null && Countries.SequenceEqual(other.Countries, StringComparer.Ordinal) && Equals(Province, other.Province);

    public override int GetHashCode() => HashCode.Combine(string.Join("+", Countries), Province);
}
