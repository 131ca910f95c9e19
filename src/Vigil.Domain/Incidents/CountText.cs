using System.Globalization;

namespace Vigil.Domain.Incidents;

/// <summary>Why a text is not a casualty count, worded for what it is: too large, fractional, or not a number at all.</summary>
public static class CountText
{
    public static string Problem(ReadOnlySpan<char> text, string shown)
    {
        var t = text.Trim();
        if (t.Length > 0 && long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) || IsDigits(t))
            return $"'{shown}' is too large: a count may be at most {int.MaxValue.ToString("N0", CultureInfo.InvariantCulture)}";
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && Math.Abs(d) > int.MaxValue)
            return $"'{shown}' is too large: a count may be at most {int.MaxValue.ToString("N0", CultureInfo.InvariantCulture)}";
        return $"'{shown}' is not a whole number";
    }

    private static bool IsDigits(ReadOnlySpan<char> t)
    {
        var digits = t is ['-' or '+', .. var rest] ? rest : t;
        if (digits.IsEmpty)
            return false;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
