using System.Globalization;

namespace Vigil.Cli.Infrastructure;

/// <summary>
/// A best estimate with its low–high range: "12", "12 (10–15)", and a range the source itself gives out of order
/// named where it stands — "55 (55–54, high below best in source)" — so that it does not read as Vigil's slip.
/// </summary>
public static class RangeText
{
    public const string HighBelowBest = "high below best in source";
    public const string LowAboveBest = "low above best in source";

    /// <summary>The text for a best estimate and its range; a null low or high (none given) shows as "?".</summary>
    public static string Of(long best, long? low, long? high)
    {
        var inv = CultureInfo.InvariantCulture;
        if ((low ?? best) == best && (high ?? best) == best && low is not null && high is not null)
            return best.ToString("N0", inv);
        var flags = new List<string>(2);
        if (low > best)
            flags.Add(LowAboveBest);
        if (high < best)
            flags.Add(HighBelowBest);
        var range = $"{low?.ToString("N0", inv) ?? "?"}–{high?.ToString("N0", inv) ?? "?"}";
        return $"{best.ToString("N0", inv)} ({string.Join(", ", [range, .. flags])})";
    }
}
