using System.Globalization;
using Vigil.Cli.Infrastructure;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;

namespace Vigil.Cli.Commands;

/// <summary>
/// What a list of incidents says about its killed and injured columns: which sources they count (under a scope other
/// than the default) and their totals, counted as the statistics count them, so the list can be checked against the
/// figure it explains.
/// </summary>
internal static class ListedFigures
{
    /// <summary>The title naming the columns' sources, or null under the default (independent sources).</summary>
    public static string? Title(SourceScope sources) => sources switch
    {
        SourceScope.All => "Killed and injured: all credible sources, party claims too (--sources all)",
        SourceScope.Party => "Killed and injured: party claims alone (--sources party)",
        _ => null,
    };

    /// <summary>
    /// "Total: killed 80 (78–116), injured 12; 1 incident with killed not known": sums of best estimates (lows and
    /// highs beside them, a missing low or high standing in as the best), as the statistics sum them.
    /// </summary>
    public static string Total(IReadOnlyCollection<Incident> incidents)
    {
        var (killed, killedUnknown) = Sum(incidents, i => i.Killed);
        var (injured, injuredUnknown) = Sum(incidents, i => i.Injured);
        var unknown = new List<string>();
        if (killedUnknown > 0)
            unknown.Add(string.Create(CultureInfo.InvariantCulture, $"{killedUnknown} with killed not known"));
        if (injuredUnknown > 0)
            unknown.Add(string.Create(CultureInfo.InvariantCulture, $"{injuredUnknown} with injured not known"));
        return $"Total: killed {killed}, injured {injured}" + (unknown.Count > 0 ? "; " + string.Join(", ", unknown) + " (not counted as zero)" : "");
    }

    private static (string Text, int Unknown) Sum(IReadOnlyCollection<Incident> incidents, Func<Incident, CasualtyCount> pick)
    {
        long best = 0, low = 0, high = 0;
        var unknown = 0;
        foreach (var c in incidents.Select(pick))
        {
            // As the statistics' SQL sums them: a missing low or high stands in as the best.
            best += c.Best ?? 0;
            low += c.Low ?? c.Best ?? 0;
            high += c.High ?? c.Best ?? 0;
            if (c.Best is null)
                unknown++;
        }
        return (RangeText.Of(best, low, high), unknown);
    }
}
