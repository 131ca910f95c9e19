using System.Globalization;
using nietras.SeparatedValues;

namespace Vigil.Geo;

/// <summary>
/// A region analysts report apart that is no unit of today's map: the former FATA (now districts of Khyber
/// Pakhtunkhwa), the Khyber Pakhtunkhwa mainland. Each stands for a list of today's districts.
/// </summary>
public sealed record Region(string Key, string Name, IReadOnlyList<string> Variants, string Country, IReadOnlyList<string> Districts, string Note, string Source);

/// <summary>
/// The regions of <c>data/gazetteer/regions.csv</c>, their districts resolved against a gazetteer. A region's
/// <c>districts</c> rule is <c>historical:CODE</c> (the districts that belonged to a former province) or
/// <c>province:CODE</c>, either followed by <c>except</c> and another rule.
/// </summary>
public sealed class Regions
{
    private readonly IReadOnlyList<Region> _all;

    public Regions(IReadOnlyList<Region> regions) => _all = regions;

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
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var rule = row["districts"].ToString().Trim();
            var districts = Resolve(rule, gazetteer, file, line);
            regions.Add(new Region(row["key"].ToString().Trim(), row["name"].ToString().Trim(),
                row["variants"].ToString().Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                row["country"].ToString().Trim(), districts, row["note"].ToString().Trim(), row["source"].ToString().Trim()));
        }
        return new Regions(regions);
    }

    /// <summary>The region a name stands for (its key, name or a variant, case and punctuation aside), or null.</summary>
    public Region? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var key = Key(name);
        return _all.FirstOrDefault(r => Key(r.Key) == key || Key(r.Name) == key || r.Variants.Any(v => Key(v) == key));
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

    private static List<string> Resolve(string rule, Gazetteer gazetteer, string file, int line)
    {
        var parts = rule.Split(" except ", 2, StringSplitOptions.TrimEntries);
        var included = Districts(parts[0], gazetteer, file, line);
        if (parts.Length == 2)
        {
            var excluded = Districts(parts[1], gazetteer, file, line).ToHashSet(StringComparer.Ordinal);
            included = [.. included.Where(d => !excluded.Contains(d))];
        }
        return included;
    }

    private static List<string> Districts(string rule, Gazetteer gazetteer, string file, int line)
    {
        var (kind, code) = rule.Split(':', 2, StringSplitOptions.TrimEntries) is [var k, var c] ? (k, c)
            : throw new FormatException($"{file}:{line}: districts: '{rule}' is not historical:CODE or province:CODE");
        var list = kind switch
        {
            "historical" => gazetteer.Districts.Where(d => d.HistoricalProvinceCode == code).Select(d => d.Name).ToList(),
            "province" => gazetteer.Districts.Where(d => d.ProvinceCode == code).Select(d => d.Name).ToList(),
            _ => throw new FormatException($"{file}:{line}: districts: '{kind}' is not historical or province"),
        };
        return list.Count > 0 ? list : throw new FormatException($"{file}:{line}: districts: no district of the gazetteer matches '{rule}'");
    }

    private static string Key(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
