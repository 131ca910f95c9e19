using Vigil.Domain.Border;

namespace Vigil.Accountability.Border;

/// <summary>
/// Derives a crossing's closures from its status events. Events may come in any order and may overlap (a
/// second "closed" while already closed continues the same closure). They are put in date order; on the
/// same day the later-recorded event (higher <see cref="StatusEvent.Sequence"/>, else later in the list)
/// stands. Events dated after today are not yet in force and are ignored. A closure ends the day before an
/// "open" or "partially-open" event.
/// </summary>
public static class ClosureEpisodes
{
    /// <summary>The events in force, one per day, in date order, up to and including today.</summary>
    public static IReadOnlyList<StatusEvent> Effective(IEnumerable<StatusEvent> events, DateOnly today) =>
        events.Select((e, i) => (e, i))
            .Where(x => x.e.From <= today)
            .OrderBy(x => x.e.From).ThenBy(x => x.e.Sequence).ThenBy(x => x.i)
            .GroupBy(x => x.e.From)
            .Select(g => g.Last().e)
            .ToList();

    /// <summary>The crossing's status today: the last event in force, or null when none is recorded.</summary>
    public static StatusEvent? Current(IEnumerable<StatusEvent> events, DateOnly today) =>
        Effective(events, today).LastOrDefault();

    public static IReadOnlyList<ClosureEpisode> Derive(IEnumerable<StatusEvent> events, DateOnly today)
    {
        var episodes = new List<ClosureEpisode>();
        StatusEvent? opened = null;
        foreach (var e in Effective(events, today))
        {
            if (e.Status == CrossingStatus.Closed)
            {
                opened ??= e;
            }
            else if (opened is not null)
            {
                var end = e.From.AddDays(-1);
                episodes.Add(new ClosureEpisode(opened.CrossingKey, opened.From, end, end.DayNumber - opened.From.DayNumber + 1, opened.Reason));
                opened = null;
            }
        }
        if (opened is not null)
            episodes.Add(new ClosureEpisode(opened.CrossingKey, opened.From, null, today.DayNumber - opened.From.DayNumber + 1, opened.Reason));
        return episodes;
    }
}
