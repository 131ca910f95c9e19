using Vigil.Domain.Border;
using Vigil.Domain.Time;

namespace Vigil.Accountability.Border;

/// <summary>Days a crossing was closed in one month (up to today for the current month).</summary>
public sealed record MonthClosure(Period Month, int DaysClosed);

/// <summary>
/// What the border monitor says about one crossing as of <see cref="Today"/>: its status (null: no event
/// recorded, which is "unknown", not "open"), its closures, the longest, closures per year (by the year a
/// closure began) and days closed per month from the month of its first event to this month.
/// </summary>
public sealed record CrossingReport(
    Crossing Crossing,
    DateOnly Today,
    StatusEvent? Current,
    IReadOnlyList<StatusEvent> Events,
    IReadOnlyList<ClosureEpisode> Episodes,
    IReadOnlyList<MonthClosure> DaysClosedByMonth)
{
    public ClosureEpisode? Longest => Episodes.OrderByDescending(e => e.Days).ThenBy(e => e.Start).FirstOrDefault();

    public IReadOnlyList<(int Year, int Closures)> ClosuresPerYear =>
        Episodes.GroupBy(e => e.Start.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

    public static CrossingReport Build(Crossing crossing, IEnumerable<StatusEvent> allEvents, DateOnly today)
    {
        var events = allEvents.Where(e => e.CrossingKey == crossing.Key).ToList();
        var episodes = ClosureEpisodes.Derive(events, today);
        var months = new List<MonthClosure>();
        var inForce = events.Where(e => e.From <= today).ToList();
        if (inForce.Count > 0)
        {
            var last = Period.Containing(today, PeriodUnit.Month);
            for (var m = Period.Containing(inForce.Min(e => e.From), PeriodUnit.Month); m.CompareTo(last) <= 0; m = m.Next())
                months.Add(new MonthClosure(m, DaysClosed(episodes, m, today)));
        }
        return new CrossingReport(crossing, today, ClosureEpisodes.Current(events, today),
            events.OrderBy(e => e.From).ThenBy(e => e.Sequence).ToList(), episodes, months);
    }

    public static int DaysClosed(IEnumerable<ClosureEpisode> episodes, Period period, DateOnly today) =>
        episodes.Sum(e => e.DaysWithin(period.Start, period.End, today));
}
