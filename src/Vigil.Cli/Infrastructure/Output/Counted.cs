using System.Globalization;

namespace Vigil.Cli.Infrastructure;

/// <summary>A count with its noun in the right number: "1 incident", "6,416 incidents", "1 query", "2 queries".</summary>
public static class Counted
{
    /// <summary>"1 incident", "2 incidents"; <paramref name="plural"/> when it is not <paramref name="singular"/> + "s".</summary>
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + Noun(count, singular, plural);

    /// <summary>The noun alone, for a count printed elsewhere.</summary>
    public static string Noun(long count, string singular, string? plural = null) =>
        count == 1 ? singular : plural ?? singular + "s";
}
