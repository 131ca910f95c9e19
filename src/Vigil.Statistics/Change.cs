using System.Globalization;

namespace Vigil.Statistics;

/// <summary>
/// A change against a baseline, as a count and a percentage. The percentage is null when the baseline is
/// zero: a rise from nothing has no meaningful percentage, and Vigil never prints an "infinite" one.
/// </summary>
public sealed record Change(long Current, long Baseline)
{
    public long Difference => Current - Baseline;

    public double? Percent => Baseline == 0 ? null : Math.Round(100.0 * Difference / Baseline, 1);

    /// <summary>"+8 (+80.0%) on November 2021", or "none in November 2021, so no percentage".</summary>
    public string Describe(string baselineName)
    {
        var inv = CultureInfo.InvariantCulture;
        if (Baseline == 0)
            return Current == 0 ? $"none in {baselineName} either" : string.Create(inv, $"+{Current:#,0} from none in {baselineName} (no percentage from a zero baseline)");
        return string.Create(inv, $"{Difference:+#,0;-#,0;0} ({Percent:+0.0;-0.0;0.0}%) on {baselineName}");
    }
}
