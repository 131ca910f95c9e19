using System.Globalization;
using nietras.SeparatedValues;

namespace Vigil.Geo;

/// <summary>
/// A region analysts report apart that is no unit of today's map: the former FATA (now districts of Khyber
/// Pakhtunkhwa), the Khyber Pakhtunkhwa mainland. Each stands for a list of today's districts.
/// </summary>
public sealed record Region(string Key, string Name, IReadOnlyList<string> Variants, string Country, IReadOnlyList<string> Districts, string Note, string Source)
{
    /// <summary>The rule its districts were drawn by (regions.csv's <c>districts</c>).</summary>
    public string Rule { get; init; } = "";
}

/// <summary>
/// The regions of <c>data/gazetteer/regions.csv</c>, their districts resolved against a gazetteer. A region's
/// <c>districts</c> rule is <c>historical:CODE</c> (the districts that belonged to a former province),
/// <c>province:CODE</c>, either followed by <c>except</c> and another rule, or <c>border:AAA|BBB:KM</c> (the
/// districts of two countries within KM of the border between them; a name may ask for another distance,
/// <c>af-pak-border:100</c>).
/// </summary>
public sealed class Regions
{
    private readonly IReadOnlyList<Region> _all;
    private readonly Gazetteer? _gazetteer;
    private readonly Dictionary<string, BorderDistricts> _borders = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Pair, double Km), List<string>> _within = [];

    public Regions(IReadOnlyList<Region> regions) => _all = regions;

    private Regions(IReadOnlyList<Region> regions, Gazetteer gazetteer)
    {
        _all = regions;
        _gazetteer = gazetteer;
    }

    /// <summary>Every region as read; a border region's districts are drawn only by <see cref="Find"/>.</summary>
    public IReadOnlyList<Region> All => _all;

    /// <summary>The bundled regions over <paramref name="gazetteer"/>'s districts.</summary>
    public static Regions For(Gazetteer gazetteer)
    {
        var stream = typeof(Regions).Assembly.GetManifestResourceStream("Vigil.Geo.regions.csv")
            ?? throw new InvalidOperationException("the bundled regions file regions.csv is missing from the assembly");
        return Read(stream, "regions.csv", gazetteer);
    }

    public static Regions Read(Stream stream, string file, Gazetteer gazetteer)
    {
        using var text = new StreamReader(stream);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(text);
        var regions = new List<Region>();
        var self = new Regions(regions, gazetteer);
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var rule = row["districts"].ToString().Trim();
            // A border region is drawn from the boundaries (a union of every district's shape) only when asked for.
            IReadOnlyList<string> districts = IsBorder(rule) ? [] : self.Resolve(rule, file, line, null);
            regions.Add(new Region(row["key"].ToString().Trim(), row["name"].ToString().Trim(),
                row["variants"].ToString().Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                row["country"].ToString().Trim(), districts, row["note"].ToString().Trim(), row["source"].ToString().Trim())
            { Rule = rule });
        }
        return self;
    }

    /// <summary>
    /// The region a name stands for (its key, name or a variant, case and punctuation aside), or null. A border region
    /// may be asked for at another distance: <c>af-pak-border:100</c> (kilometres, 1 to 500).
    /// </summary>
    public Region? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var text = name.Trim();
        double? km = null;
        if (text.LastIndexOf(':') is var colon and > 0
            && double.TryParse(text[(colon + 1)..].Trim().TrimEnd('k', 'm'), NumberStyles.Float, CultureInfo.InvariantCulture, out var distance))
        {
            if (distance is < 1 or > 500 || !double.IsFinite(distance))
                return null;
            km = distance;
            text = text[..colon];
        }
        var key = Key(text);
        var found = _all.FirstOrDefault(r => Key(r.Key) == key || Key(r.Name) == key || r.Variants.Any(v => Key(v) == key));
        if (found is null || (km is null && !IsBorder(found.Rule)))
            return found;
        if (_gazetteer is null || !IsBorder(found.Rule))
            return null;
        if (km is null)
            return found with { Districts = Resolve(found.Rule, "regions.csv", 0, null) };
        var kmText = km.Value.ToString("0.#", CultureInfo.InvariantCulture);
        return found with
        {
            Key = $"{found.Key}:{kmText}",
            Name = System.Text.RegularExpressions.Regex.Replace(found.Name, @"\d+(\.\d+)? km", kmText + " km"),
            Districts = Resolve(found.Rule, "regions.csv", 0, km),
        };
    }

    /// <summary>The districts that belonged to a former province (its successor's districts since the merger), as a region.</summary>
    public static Region OfHistoricalProvince(Province province, Gazetteer gazetteer)
    {
        var successor = province.SuccessorCode is { } code ? gazetteer.ProvinceByCode(code)?.Name : null;
        var until = province.ValidUntil?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return new Region(province.Code, province.Name, province.Variants, province.Country,
            [.. gazetteer.Districts.Where(d => d.HistoricalProvinceCode == province.Code).Select(d => d.Name)],
            $"{province.Name} is no province today: its districts are districts of {successor ?? "another province"}" + (until is null ? "" : $" since {until}") + "; counted as those districts",
            "gazetteer");
    }

    private static bool IsBorder(string rule) => rule.StartsWith("border:", StringComparison.Ordinal);

    private List<string> Resolve(string rule, string file, int line, double? km)
    {
        var parts = rule.Split(" except ", 2, StringSplitOptions.TrimEntries);
        var included = Districts(parts[0], file, line, km);
        if (parts.Length == 2)
        {
            var excluded = Districts(parts[1], file, line, km).ToHashSet(StringComparer.Ordinal);
            included = [.. included.Where(d => !excluded.Contains(d))];
        }
        return included;
    }

    private List<string> Districts(string rule, string file, int line, double? km)
    {
        var gazetteer = _gazetteer!;
        var (kind, code) = rule.Split(':', 2, StringSplitOptions.TrimEntries) is [var k, var c] ? (k, c)
            : throw new FormatException($"{file}:{line}: districts: '{rule}' is not historical:CODE, province:CODE or border:AAA|BBB:KM");
        var list = kind switch
        {
            "historical" => gazetteer.Districts.Where(d => d.HistoricalProvinceCode == code).Select(d => d.Name).ToList(),
            "province" => gazetteer.Districts.Where(d => d.ProvinceCode == code).Select(d => d.Name).ToList(),
            "border" => Border(code, km, file, line),
            _ => throw new FormatException($"{file}:{line}: districts: '{kind}' is not historical, province or border"),
        };
        return list.Count > 0 ? list : throw new FormatException($"{file}:{line}: districts: no district of the gazetteer matches '{rule}'");
    }

    private List<string> Border(string spec, double? km, string file, int line)
    {
        if (spec.Split(':') is not [var pair, var distance] || pair.Split('|') is not [var a, var b]
            || !double.TryParse(distance, NumberStyles.Float, CultureInfo.InvariantCulture, out var defaultKm))
            throw new FormatException($"{file}:{line}: districts: 'border:{spec}' is not border:AAA|BBB:KM");
        var kmWanted = km ?? defaultKm;
        lock (_borders)
        {
            if (_within.TryGetValue((pair, kmWanted), out var cached))
                return cached;
            if (!_borders.TryGetValue(pair, out var border))
                _borders[pair] = border = new BorderDistricts(_gazetteer!, a, b);
            return _within[(pair, kmWanted)] = [.. border.Within(kmWanted).Select(d => d.Name)];
        }
    }

    private static string Key(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
