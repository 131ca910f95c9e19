using System.Globalization;
using nietras.SeparatedValues;

namespace Vigil.Bench;

/// <summary>
/// Writes N rows in the UCDP GED (HDX) layout, deterministically from a seed, with the real file's
/// distributions: each row starts from a randomly drawn real event (so places, actors, types, headlines and
/// missing fields occur as often as they really do), then gets a new id, a new date in 1989–2023, coordinates
/// moved by up to ~2 km, and death counts redrawn from the real ones. As in the real file, about 3% of rows
/// break low ≤ best ≤ high.
/// </summary>
public static class UcdpGenerator
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(string templatePath, string outputPath, int rows, int seed)
    {
        var (header, hxl, templates) = ReadTemplates(templatePath);
        int Col(string name) => Array.IndexOf(header, name);
        int id = Col("id"), year = Col("year"), start = Col("date_start"), end = Col("date_end"), lat = Col("latitude"),
            lon = Col("longitude"), geom = Col("geom_wkt"), best = Col("best"), low = Col("low"), high = Col("high"),
            a = Col("deaths_a"), b = Col("deaths_b"), civ = Col("deaths_civilians"), unk = Col("deaths_unknown"), relid = Col("relid");
        var bests = templates.Select(t => int.Parse(t[best], Inv)).ToArray();
        var random = new Random(seed);
        var firstDay = new DateOnly(1989, 1, 1).DayNumber;
        var days = new DateOnly(2023, 12, 31).DayNumber - firstDay;

        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(outputPath);
        WriteRow(writer, header, hxl);
        var row = new string[header.Length];
        for (var n = 0; n < rows; n++)
        {
            templates[random.Next(templates.Count)].CopyTo(row, 0);
            row[id] = (1_000_000 + n).ToString(Inv);
            var date = DateOnly.FromDayNumber(firstDay + random.Next(days + 1));
            var span = random.NextDouble() < 0.05 ? random.Next(1, 7) : 0;
            row[start] = date.ToString("yyyy-MM-dd", Inv) + " 00:00:00.000";
            row[end] = date.AddDays(span).ToString("yyyy-MM-dd", Inv) + " 00:00:00.000";
            row[year] = date.Year.ToString(Inv);
            row[relid] = $"GEN-{date.Year}-{n}";
            if (row[lat].Length > 0)
            {
                var y = double.Parse(row[lat], Inv) + (random.NextDouble() - 0.5) * 0.04;
                var x = double.Parse(row[lon], Inv) + (random.NextDouble() - 0.5) * 0.04;
                row[lat] = y.ToString("F6", Inv);
                row[lon] = x.ToString("F6", Inv);
                row[geom] = $"POINT ({x.ToString("F6", Inv)} {y.ToString("F6", Inv)})";
            }
            var bestValue = bests[random.Next(bests.Length)];
            var lowValue = Math.Max(0, bestValue - random.Next(0, 3));
            var highValue = bestValue + random.Next(0, 5);
            if (random.NextDouble() < 0.031)
                (lowValue, highValue) = random.NextDouble() < 0.5 ? (bestValue + 1 + random.Next(3), highValue) : (lowValue, Math.Max(0, bestValue - 1));
            row[best] = bestValue.ToString(Inv);
            row[low] = lowValue.ToString(Inv);
            row[high] = highValue.ToString(Inv);
            var split = SplitDeaths(bestValue, random);
            row[a] = split[0].ToString(Inv);
            row[b] = split[1].ToString(Inv);
            row[civ] = split[2].ToString(Inv);
            row[unk] = split[3].ToString(Inv);
            WriteRow(writer, header, row);
        }
    }

    private static int[] SplitDeaths(int total, Random random)
    {
        var parts = new int[4];
        for (var i = 0; i < total; i++)
            parts[random.Next(4)]++;
        return parts;
    }

    private static void WriteRow(SepWriter writer, string[] header, string[] values)
    {
        using var row = writer.NewRow();
        for (var i = 0; i < header.Length; i++)
            row[header[i]].Set(values[i]);
    }

    private static (string[] Header, string[] Hxl, List<string[]> Rows) ReadTemplates(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        var header = reader.Header.ColNames.ToArray();
        string[]? hxl = null;
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var values = new string[header.Length];
            for (var i = 0; i < header.Length; i++)
                values[i] = row[i].ToString();
            if (hxl is null && values[0].Length == 0)
                hxl = values;
            else
                rows.Add(values);
        }
        return (header, hxl ?? new string[header.Length], rows);
    }
}
