using System.Globalization;
using nietras.SeparatedValues;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;

namespace Vigil.Geo;

/// <summary>
/// Provinces, districts and named places of the covered countries with every spelling sources use,
/// matched by <see cref="NameKey"/>, plus the district polygons for finding a district from coordinates.
/// Built from GeoNames, geoBoundaries and UN/LOCODE (see data/ATTRIBUTION.md).
/// </summary>
public sealed class Gazetteer
{
    private static readonly string[] DistrictSuffixes = ["district", "agency", "tribal area", "distrcit", "division", "tehsil", "city"];
    private static readonly string[] ProvinceSuffixes = ["province"];

    private readonly Dictionary<string, List<Province>> _provinces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Province> _provinceByCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<District>> _districts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NamedPlace>> _places = new(StringComparer.Ordinal);
    private readonly Lazy<DistrictLocator> _locator;

    public Gazetteer(IEnumerable<Province> provinces, IEnumerable<District> districts, IEnumerable<NamedPlace> places,
        Func<IReadOnlyList<District>, DistrictLocator> locator)
    {
        Provinces = provinces.ToList();
        Districts = districts.ToList();
        Places = places.ToList();
        foreach (var p in Provinces)
        {
            _provinceByCode[p.Code] = p;
            foreach (var name in p.Variants.Prepend(p.Name).Append(p.Code))
                Add(_provinces, name, p);
        }
        foreach (var d in Districts)
        {
            foreach (var name in d.Variants.Prepend(d.Name))
                Add(_districts, name, d);
        }
        foreach (var place in Places)
        {
            foreach (var name in place.Variants.Prepend(place.Name))
                Add(_places, name, place);
        }
        _locator = new Lazy<DistrictLocator>(() => locator(Districts));
    }

    public IReadOnlyList<Province> Provinces { get; }
    public IReadOnlyList<District> Districts { get; }
    public IReadOnlyList<NamedPlace> Places { get; }

    /// <summary>The gazetteer shipped with Vigil (embedded from data/gazetteer and data/boundaries).</summary>
    public static Gazetteer Bundled => LazyBundled.Value;

    private static readonly Lazy<Gazetteer> LazyBundled = new(() => new Gazetteer(
        ReadProvinces(Resource("admin1.csv"), "admin1.csv"),
        ReadDistricts(Resource("admin2.csv"), "admin2.csv"),
        ReadPlaces(Resource("places.csv"), "places.csv"),
        districts => DistrictLocator.Load(districts,
            ("PAK", () => Resource("PAK-ADM2.geojson")), ("AFG", () => Resource("AFG-ADM2.geojson")))));

    public Province? ProvinceByCode(string code) => _provinceByCode.GetValueOrDefault(code);

    /// <summary>
    /// The province a name stands for (historical ones included), or null when unknown or ambiguous. A trailing
    /// "province" is tried off when the full name is not known (UCDP writes "Kabul province", "Paktya province").
    /// </summary>
    public Province? FindProvince(string? name, string? countryIso3 = null)
    {
        bool InScope(Province p) => countryIso3 is null || p.Country == countryIso3;
        return Single(_provinces, name, InScope) ?? WithoutSuffix(_provinces, name, ProvinceSuffixes, InScope);
    }

    /// <summary>The unit that carries a province's territory today (FATA → Khyber Pakhtunkhwa).</summary>
    public Province Current(Province province)
    {
        var p = province;
        for (var hops = 0; p.Historical && p.SuccessorCode is not null && hops < 5; hops++)
            p = ProvinceByCode(p.SuccessorCode) ?? p;
        return p;
    }

    /// <summary>
    /// The district a name stands for. A province (current or historical code) narrows names shared by
    /// several districts; without one, an ambiguous name gives null. Common suffixes ("district",
    /// "agency") are tried off when the full name is not known, and then a trailing parenthesis: UCDP
    /// writes "Fayzabad district (Badakhshan)" for one of two Fayzabads and "Tere Zayi district (Alisher)"
    /// for a district and its seat.
    /// </summary>
    public District? FindDistrict(string? name, string? countryIso3 = null, string? provinceCode = null)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        bool InScope(District d) =>
            (countryIso3 is null || d.Country == countryIso3)
            && (provinceCode is null || d.ProvinceCode == provinceCode || d.HistoricalProvinceCode == provinceCode);

        return Single(_districts, name, InScope) ?? WithoutSuffix(_districts, name, DistrictSuffixes, InScope)
            ?? (WithoutParenthesis(name) is { } shorter
                ? Single(_districts, shorter, InScope) ?? WithoutSuffix(_districts, shorter, DistrictSuffixes, InScope)
                : null);
    }

    /// <summary>
    /// A town, city or crossing by name, or null when unknown or ambiguous. A province (current or historical
    /// code) narrows names shared by several places, as for <see cref="FindDistrict"/>.
    /// </summary>
    public NamedPlace? FindPlace(string? name, string? countryIso3 = null, string? provinceCode = null) =>
        Single(_places, name, p => (countryIso3 is null || p.Country == countryIso3)
            && (provinceCode is null || p.ProvinceCode == provinceCode || (DistrictOf(p) is { } d && InProvince(d, provinceCode))));

    /// <summary>The district a named place lies in, or null when the gazetteer gives none.</summary>
    public District? DistrictOf(NamedPlace place) =>
        place.District is { } name ? FindDistrict(name, place.Country, place.ProvinceCode) : null;

    /// <summary>
    /// Whether a district lies in a province: its current one, or the one it belonged to before a merger
    /// (Khyber is in Khyber Pakhtunkhwa and in the former FATA; Peshawar only in the first).
    /// </summary>
    public static bool InProvince(District district, string provinceCode) =>
        district.ProvinceCode == provinceCode || district.HistoricalProvinceCode == provinceCode;

    /// <summary>
    /// The district whose polygon holds the point (or lies within about 10 km of it), or null; in the given
    /// country when one is given (points on the border lie in both countries' files).
    /// </summary>
    public District? Locate(double latitude, double longitude, string? countryIso3 = null) =>
        _locator.Value.Locate(latitude, longitude, countryIso3);

    /// <summary>
    /// Like <see cref="Locate(double, double, string?)"/>, among the districts of one province (current or
    /// historical code): a point within about 10 km of the province is placed in its nearest district there.
    /// </summary>
    public District? Locate(double latitude, double longitude, string? countryIso3, string provinceCode) =>
        _locator.Value.Locate(latitude, longitude, d => (countryIso3 is null || d.Country == countryIso3) && InProvince(d, provinceCode));

    /// <summary>
    /// Whether a point lies in a district: in its polygon or within about 10 km of it, the bundled boundaries
    /// being coarse (Bannu town as UCDP geocodes it lies 4 km outside its polygon). Null when the district
    /// has no polygon in the bundled boundaries, so that nothing can be said.
    /// </summary>
    public bool? Holds(District district, double latitude, double longitude) =>
        district.BoundaryId is null ? null : _locator.Value.Locate(latitude, longitude, d => ReferenceEquals(d, district)) is not null;

    /// <summary>The district polygons of the bundled boundaries (loaded on first use), for maps.</summary>
    public IReadOnlyList<(District District, NetTopologySuite.Geometries.Geometry Shape)> DistrictShapes => _locator.Value.Shapes;

    private static T? Single<T>(Dictionary<string, List<T>> index, string? name, Func<T, bool> filter) where T : class
    {
        if (string.IsNullOrWhiteSpace(name) || !index.TryGetValue(NameKey.Of(name), out var list))
            return null;
        T? match = null;
        foreach (var item in list)
        {
            if (!filter(item))
                continue;
            if (match is not null && !ReferenceEquals(match, item))
                return null;
            match = item;
        }
        return match;
    }

    /// <summary>The entry a name stands for once its first matching suffix ("district") is taken off, or null.</summary>
    private static T? WithoutSuffix<T>(Dictionary<string, List<T>> index, string? name, string[] suffixes, Func<T, bool> filter) where T : class
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var key = NameKey.Of(name);
        foreach (var suffix in suffixes)
        {
            if (key.EndsWith(" " + suffix, StringComparison.Ordinal))
                return Single(index, key[..^(suffix.Length + 1)], filter);
        }
        return null;
    }

    /// <summary>"Shinwar district" for "Shinwar district (Ghani Khel)"; null when the name does not end in a parenthesis.</summary>
    private static string? WithoutParenthesis(string name)
    {
        var trimmed = name.TrimEnd();
        var open = trimmed.LastIndexOf('(');
        return trimmed.EndsWith(')') && open > 0 ? trimmed[..open].TrimEnd() : null;
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string name, T item)
    {
        var key = NameKey.Of(name);
        if (key.Length == 0)
            return;
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        if (!list.Contains(item))
            list.Add(item);
    }

    private static Stream Resource(string name) =>
        typeof(Gazetteer).Assembly.GetManifestResourceStream("Vigil.Geo." + name)
        ?? throw new InvalidOperationException($"the bundled gazetteer file {name} is missing from the assembly");

    public static IEnumerable<Province> ReadProvinces(Stream stream, string file) =>
        ReadCsv(stream, file, ["country", "code", "name", "status", "successor", "valid_until", "variants"], f => new Province(
            Need(f, "country"), Need(f, "code"), Need(f, "name"), f("status") == "historical", f("successor"),
            f("valid_until") is { } until ? DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Split(f("variants"))));

    public static IEnumerable<District> ReadDistricts(Stream stream, string file) =>
        ReadCsv(stream, file, ["country", "admin1_code", "name", "historical_admin1_code", "geonames_id", "boundary_name", "boundary_id", "variants"],
            f => new District(Need(f, "country"), Need(f, "admin1_code"), Need(f, "name"), f("historical_admin1_code"), f("geonames_id"),
                f("boundary_name"), f("boundary_id"), Split(f("variants"))));

    public static IEnumerable<NamedPlace> ReadPlaces(Stream stream, string file) =>
        ReadCsv(stream, file, ["country", "name", "variants", "admin1_code", "admin2", "latitude", "longitude", "kind"],
            f => new NamedPlace(Need(f, "country"), Need(f, "name"), Split(f("variants")), f("admin1_code"), f("admin2"),
                f("latitude") is { } lat ? double.Parse(lat, CultureInfo.InvariantCulture) : null,
                f("longitude") is { } lon ? double.Parse(lon, CultureInfo.InvariantCulture) : null,
                Need(f, "kind")));

    private static string Need(Func<string, string?> field, string name) =>
        field(name) ?? throw new FormatException($"{name} is required");

    private static string[] Split(string? variants) =>
        variants?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static List<T> ReadCsv<T>(Stream stream, string file, string[] columns, Func<Func<string, string?>, T> create)
    {
        using var text = new StreamReader(stream);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(text);
        foreach (var column in columns)
        {
            if (!reader.Header.TryIndexOf(column, out _))
                throw new InputException(new InputLocation(file, 1, 1, column), "required column is missing");
        }
        var list = new List<T>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < reader.Header.ColNames.Count; i++)
                values[reader.Header.ColNames[i]] = row[i].ToString();
            try
            {
                list.Add(create(name => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null));
            }
            catch (FormatException e)
            {
                throw new InputException(new InputLocation(file, row.LineNumberFrom), e.Message);
            }
        }
        return list;
    }
}
