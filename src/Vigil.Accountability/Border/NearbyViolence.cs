using Vigil.Accountability.Evaluation;
using Vigil.Domain.Border;
using Vigil.Domain.Incidents;
using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Accountability.Border;

/// <summary>Incidents and best-estimate killed in a stretch of days.</summary>
public sealed record WindowCount(long Incidents, long Killed, int Days);

/// <summary>
/// Violence within <see cref="RadiusKm"/> of a crossing (great-circle distance from the incident's
/// coordinates; incidents without coordinates cannot be placed and are left out). <see cref="DuringClosures"/>
/// counts the closed days; <see cref="BeforeClosures"/> the same number of days immediately before each
/// closure (days that were themselves closed are not counted twice). <see cref="Comparison"/> compares
/// the daily incident rates with the exact Poisson rate test (null when either window has no days).
/// <see cref="Datasets"/>: the datasets counted (a linked event once); empty: every incident of the store.
/// </summary>
public sealed record NearbyViolenceReport(
    Crossing Crossing, double RadiusKm, IReadOnlyList<IndicatorValue> IncidentsPerPeriod,
    WindowCount DuringClosures, WindowCount BeforeClosures, RateComparison? Comparison)
{
    public IReadOnlyList<string> Datasets { get; init; } = [];

    public static NearbyViolenceReport Build(IIncidentStore store, Crossing crossing, IReadOnlyList<ClosureEpisode> episodes,
        double radiusKm, PeriodUnit unit, DateOnly today, IReadOnlyList<string>? datasets = null)
    {
        var near = Nearby(store, crossing, radiusKm, datasets ?? []);
        var perPeriod = near.GroupBy(i => Period.Containing(i.Date.Start, unit))
            .OrderBy(g => g.Key).Select(g => new IndicatorValue(g.Key, g.LongCount())).ToList();

        var closed = new HashSet<DateOnly>();
        foreach (var e in episodes)
            for (var d = e.Start; d <= e.LastDay(today); d = d.AddDays(1))
                closed.Add(d);
        var before = new HashSet<DateOnly>();
        foreach (var e in episodes)
            for (var d = e.Start.AddDays(-e.Days); d < e.Start; d = d.AddDays(1))
                if (!closed.Contains(d))
                    before.Add(d);

        var during = Count(near, closed);
        var prior = Count(near, before);
        var comparison = during.Days > 0 && prior.Days > 0
            ? PoissonRateTest.Compare(prior.Incidents, prior.Days, during.Incidents, during.Days)
            : null;
        return new NearbyViolenceReport(crossing, radiusKm, perPeriod, during, prior, comparison) { Datasets = datasets ?? [] };
    }

    /// <summary>The incidents of these datasets (none named: all) whose coordinates lie within the radius of the crossing.</summary>
    public static IReadOnlyList<Incident> Nearby(IIncidentStore store, Crossing crossing, double radiusKm, IReadOnlyList<string> datasets) =>
        store.Query(IncidentQuery.All with { Datasets = datasets })
            .Where(i => i.Place.HasCoordinates
                && GreatCircle.DistanceKm(crossing.Latitude, crossing.Longitude, i.Place.Latitude!.Value, i.Place.Longitude!.Value) <= radiusKm)
            .ToList();

    private static WindowCount Count(IReadOnlyList<Incident> incidents, HashSet<DateOnly> days)
    {
        var hit = incidents.Where(i => days.Contains(i.Date.Start)).ToList();
        return new WindowCount(hit.Count, hit.Sum(i => (long)(i.Killed.Best ?? 0)), days.Count);
    }
}
