using Vigil.Domain.Incidents;
using Vigil.Extraction.Text;
using Vigil.Geo;

namespace Vigil.Extraction.Incidents;

/// <summary>A place named in a text, resolved through the gazetteer; <see cref="Near"/> when the text says "near X".</summary>
public sealed record PlaceMention(Place Place, bool Near, int Start, int End, string Text, int FirstToken, string Level);

/// <summary>
/// Finds gazetteer names (provinces, districts, towns, crossings, every variant) in a text. A name must be
/// capitalised in the text. A name shared by several units resolves to the one in Pakistan when there is
/// exactly one there, else to a district over a town over a province; otherwise it is left out.
/// </summary>
public sealed class PlaceFinder
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "capital", "federal", "federal capital", "north", "south", "east", "west", "central", "city", "pakistan", "afghanistan", "gb", "the",
    };

    private readonly Gazetteer _gazetteer;
    private readonly PhraseIndex<object> _index = new();

    public PlaceFinder(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        foreach (var p in gazetteer.Provinces)
            AddAll(p.Name, p.Variants, p);
        foreach (var d in gazetteer.Districts)
            AddAll(d.Name, d.Variants, d);
        foreach (var n in gazetteer.Places)
            AddAll(n.Name, n.Variants, n);
    }

    private void AddAll(string name, IEnumerable<string> variants, object target)
    {
        foreach (var v in variants.Prepend(name))
        {
            if (!Stop.Contains(v.ToLowerInvariant()) && v.Length > 2)
                _index.Add(v, target);
        }
    }

    public static PlaceFinder Bundled => LazyBundled.Value;

    private static readonly Lazy<PlaceFinder> LazyBundled = new(() => new PlaceFinder(Gazetteer.Bundled));

    public List<PlaceMention> Find(TextDocument doc, int firstToken = 0, int endToken = -1)
    {
        var result = new List<PlaceMention>();
        foreach (var group in _index.FindAll(doc, firstToken, endToken).GroupBy(m => m.FirstToken))
        {
            var choice = Choose(group.Select(m => m.Value).ToList());
            if (choice is null)
                continue;
            var m = group.First();
            var near = m.FirstToken > 0 && doc.Tokens[m.FirstToken - 1].Lower is "near" or "outside" or "nearby" or "close";
            var (place, level) = Resolve(choice, doc.Slice(m.Start, m.End));
            result.Add(new PlaceMention(place, near, m.Start, m.End, doc.Slice(m.Start, m.End), m.FirstToken, level));
        }
        return result;
    }

    private static object? Choose(List<object> candidates)
    {
        if (candidates.Count == 1)
            return candidates[0];
        static string Country(object o) => o switch { Province p => p.Country, District d => d.Country, NamedPlace n => n.Country, _ => "" };
        var pak = candidates.Where(c => Country(c) == "PAK").ToList();
        if (pak.Count == 1)
            return pak[0];
        var pool = pak.Count > 0 ? pak : candidates;
        foreach (var kind in new[] { typeof(District), typeof(NamedPlace), typeof(Province) })
        {
            var ofKind = pool.Where(c => c.GetType() == kind).ToList();
            if (ofKind.Count == 1)
                return ofKind[0];
            if (ofKind.Count > 1)
                return null;
        }
        return null;
    }

    private (Place Place, string Level) Resolve(object target, string raw)
    {
        switch (target)
        {
            case Province p:
                var current = _gazetteer.Current(p);
                return (new Place { Country = Countries.NameByIso3.GetValueOrDefault(p.Country), Admin1 = current.Name, Admin1Raw = raw, GeoPrecision = GeoPrecision.Province }, "province");
            case District d:
                return (new Place
                {
                    Country = Countries.NameByIso3.GetValueOrDefault(d.Country),
                    Admin1 = _gazetteer.ProvinceByCode(d.ProvinceCode)?.Name,
                    Admin2 = d.Name,
                    Admin2Raw = raw,
                    GeoPrecision = GeoPrecision.District,
                }, "district");
            case NamedPlace n:
                var district = n.District is null ? null : _gazetteer.FindDistrict(n.District, n.Country, n.ProvinceCode);
                return (new Place
                {
                    Country = Countries.NameByIso3.GetValueOrDefault(n.Country),
                    Admin1 = n.ProvinceCode is null ? null : _gazetteer.ProvinceByCode(n.ProvinceCode)?.Name,
                    Admin2 = district?.Name ?? n.District,
                    Location = n.Name,
                    Latitude = n.Latitude,
                    Longitude = n.Latitude is null ? null : n.Longitude,
                    GeoPrecision = n.Latitude is null ? GeoPrecision.District : GeoPrecision.Exact,
                }, n.Kind);
            default:
                throw new InvalidOperationException("unknown gazetteer entry");
        }
    }
}
