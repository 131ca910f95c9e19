using System.Globalization;

namespace Vigil.Extraction.Numbers;

/// <summary>English cardinal number words, digits with thousands separators, and "dozen".</summary>
public static class NumberWords
{
    /// <summary>Counts above this are not casualty or attack figures (and guard against overflow).</summary>
    public const long Ceiling = 10_000_000;

    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Multipliers = new(StringComparer.Ordinal)
    {
        ["hundred"] = 100,
        ["thousand"] = 1000,
        ["million"] = 1_000_000,
        ["dozen"] = 12,
    };

    public static bool IsUnitOrTens(string lower) => Units.ContainsKey(lower) || Tens.ContainsKey(lower) || TryCompound(lower, out _);

    public static bool IsMultiplier(string lower) => Multipliers.ContainsKey(lower);

    public static long Multiplier(string lower) => Multipliers[lower];

    /// <summary>"twenty", "seven", "twenty-three".</summary>
    public static bool TrySmall(string lower, out long value)
    {
        if (Units.TryGetValue(lower, out var u))
        {
            value = u;
            return true;
        }
        if (Tens.TryGetValue(lower, out var t))
        {
            value = t;
            return true;
        }
        return TryCompound(lower, out value);
    }

    private static bool TryCompound(string lower, out long value)
    {
        value = 0;
        var dash = lower.IndexOfAny(['-', '‑']);
        if (dash <= 0 || !Tens.TryGetValue(lower[..dash], out var tens) || !Units.TryGetValue(lower[(dash + 1)..], out var unit) || unit is 0 or > 9)
            return false;
        value = tens + unit;
        return true;
    }

    /// <summary>Digits with optional thousands commas ("16,000"); decimals and absurdly large values are refused.</summary>
    public static bool TryDigits(string text, out long value)
    {
        value = 0;
        if (text.Contains('.', StringComparison.Ordinal) || text.Length > 12)
            return false;
        var digits = text.Replace(",", "", StringComparison.Ordinal);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= Ceiling;
    }
}
