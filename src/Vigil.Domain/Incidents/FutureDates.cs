namespace Vigil.Domain.Incidents;

/// <summary>
/// Incidents dated in the future are typos (2090 for 2009) and would move everyone's default view to
/// that month; they are refused on every write path (API, dashboard, imports) a few days past today,
/// "today" coming from the caller's clock.
/// </summary>
public static class FutureDates
{
    /// <summary>Days past today an incident may be dated by default (time zones, a report filed for tomorrow).</summary>
    public const int DefaultDaysAllowed = 2;

    /// <summary>The latest day an incident may start or end on.</summary>
    public static DateOnly Latest(TimeProvider clock, int daysAllowed) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(daysAllowed);

    /// <summary>The field at fault and why, or null when the dates are not past <paramref name="latest"/>.</summary>
    public static (string Field, string Problem)? Problem(IncidentDate date, DateOnly latest)
    {
        if (date.Start > latest)
            return ("date_start", $"{date.Start:yyyy-MM-dd} is in the future: an incident may be dated {latest:yyyy-MM-dd} at the latest");
        if (date.End > latest)
            return ("date_end", $"{date.End:yyyy-MM-dd} is in the future: an incident may be dated {latest:yyyy-MM-dd} at the latest");
        return null;
    }
}
