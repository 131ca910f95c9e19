using ScottPlot;

namespace Vigil.Reports.Maps;

/// <summary>One colour class of the choropleth: districts with <see cref="From"/> to <see cref="To"/> killed (inclusive).</summary>
public sealed record MapClass(long From, long To, string HexColor)
{
    public string Label => From == To ? ReportText.Number(From) : $"{ReportText.Number(From)}–{ReportText.Number(To)}";

    public bool Contains(long value) => value >= From && value <= To;
}

/// <summary>
/// Class breaks for counts of killed: at most five classes from 1 to the month's highest district value,
/// with upper bounds roughly geometric (counts are skewed: one district often has most of the deaths) and
/// rounded to 1, 2, 3 or 5 times a power of ten so that the legend reads naturally (1–2, 3–5, 6–10, ...).
/// When no district has more than five, each number is its own class.
/// </summary>
public static class MapClasses
{
    /// <summary>Districts with no recorded deaths. Grey, not the lightest class colour: none is not few.</summary>
    public const string NoneHexColor = "#E2E2E2";

    /// <summary>Districts outside the province a report is limited to: drawn for orientation only.</summary>
    public const string ContextHexColor = "#F4F4F4";

    // ColorBrewer YlOrRd without its palest step, which is too close to the grey of "none".
    private static readonly string[] Ramp = ["#FED976", "#FEB24C", "#FD8D3C", "#F03B20", "#BD0026"];

    public static IReadOnlyList<MapClass> For(IEnumerable<long> values)
    {
        var positive = values.Where(v => v > 0).Distinct().Order().ToList();
        if (positive.Count == 0)
            return [];
        var max = positive[^1];
        var count = Math.Min(Ramp.Length, positive.Count);
        var uppers = new List<long>();
        if (count > 1 && max <= Ramp.Length)
        {
            // Few deaths: a class per number reads better than ranges ("1", "2", "3").
            for (long v = 1; v <= max; v++)
                uppers.Add(v);
        }
        else
        {
            for (var k = 1; k <= count; k++)
            {
                var upper = k == count ? max : Math.Min(max, NiceCeiling(Math.Pow(max, (double)k / count)));
                if (uppers.Count == 0 || upper > uppers[^1])
                    uppers.Add(upper);
            }
        }
        var classes = new List<MapClass>();
        long from = 1;
        for (var i = 0; i < uppers.Count; i++)
        {
            // Spread the colours over the ramp when there are fewer classes than colours; a lone class takes the middle.
            var colour = Ramp[uppers.Count == 1 ? Ramp.Length / 2 : (int)Math.Round(i * (Ramp.Length - 1) / (double)(uppers.Count - 1))];
            classes.Add(new MapClass(from, uppers[i], colour));
            from = uppers[i] + 1;
        }
        return classes;
    }

    public static string ColorOf(IReadOnlyList<MapClass> classes, long killed) =>
        classes.FirstOrDefault(c => c.Contains(killed))?.HexColor ?? NoneHexColor;

    internal static Color ToColor(string hex) => Color.FromHex(hex);

    /// <summary>The smallest of 1, 2, 3, 5 × 10ⁿ that is at least <paramref name="value"/>.</summary>
    private static long NiceCeiling(double value)
    {
        long power = 1;
        while (true)
        {
            foreach (var step in (ReadOnlySpan<long>)[1, 2, 3, 5])
            {
                if (step * power >= value - 1e-9)
                    return step * power;
            }
            power *= 10;
        }
    }
}
