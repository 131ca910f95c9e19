using Vigil.Application.Scopes;
using Vigil.Domain.Time;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Application.Reports;

/// <summary>
/// The first and last month with data in a scope: the one answer to "the latest month with data" for the command line,
/// the API and the dashboard. With a scope's datasets, the last month is the latest month their coverage reaches or
/// that holds one of their incidents, never after today's month (an incident dated in the future moves nothing).
/// Months come from the monthly rollup (a few hundred rows) rather than a scan of every incident's date, which on a
/// large database would cost every page a second.
/// </summary>
public static class DataMonths
{
    public static (Period? First, Period? Last) Of(IIncidentStore store, IncidentQuery? scope = null)
    {
        var query = (scope ?? IncidentQuery.All) with { Limit = null, Offset = 0 };
        var months = store.AggregateMonthly(query, GroupBy.None).Where(m => m.Incidents > 0).Select(m => m.Day).ToList();
        return months.Count == 0
            ? (null, null)
            : (Period.Containing(months.Min(), PeriodUnit.Month), Period.Containing(months.Max(), PeriodUnit.Month));
    }

    /// <summary>The first and last month of a scope: what its datasets cover and what their incidents reach, up to today.</summary>
    public static (Period? First, Period? Last) Of(IIncidentStore store, Scope scope, TimeProvider clock)
    {
        var today = Period.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), PeriodUnit.Month);
        var (first, last) = Of(store, scope.Query with { To = today.End });
        var (coveredFrom, coveredTo) = scope.Coverage.Bounds();
        Period? Month(DateOnly? d) => d is { } v ? Period.Containing(v, PeriodUnit.Month) : null;
        var from = Earlier(first, Month(coveredFrom));
        var to = Later(last, Month(coveredTo));
        if (to is { } t && t.CompareTo(today) > 0)
            to = today;
        return (from, to);
    }

    /// <summary>The latest month with incidents in the scope, or null when it has none.</summary>
    public static Period? Latest(IIncidentStore store, IncidentQuery? scope = null) => Of(store, scope).Last;

    /// <summary>The latest month a scope covers or has incidents in, up to today; null when it has neither.</summary>
    public static Period? Latest(IIncidentStore store, Scope scope, TimeProvider clock) => Of(store, scope, clock).Last;

    private static Period? Earlier(Period? a, Period? b) => a is { } x && b is { } y ? (x.CompareTo(y) <= 0 ? x : y) : a ?? b;

    private static Period? Later(Period? a, Period? b) => a is { } x && b is { } y ? (x.CompareTo(y) >= 0 ? x : y) : a ?? b;
}
