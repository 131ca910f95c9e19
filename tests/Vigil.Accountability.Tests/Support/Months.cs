namespace Vigil.Accountability.Tests.Support;

public static class Months
{
    /// <summary>Months from <paramref name="first"/> (yyyy-MM) on, with the given counts in order.</summary>
    public static Dictionary<string, int> From(string first, params int[] counts)
    {
        var start = DateOnly.ParseExact(first + "-01", "yyyy-MM-dd");
        return counts.Select((c, i) => (start.AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), c))
            .ToDictionary(x => x.Item1, x => x.c);
    }
}
