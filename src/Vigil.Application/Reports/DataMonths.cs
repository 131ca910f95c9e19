using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Application.Reports;

/// <summary>
/// The first and last month that have incidents in a scope: the one answer to "the latest month with data" for
/// the command line, the API and the dashboard. From the monthly rollup (a few hundred rows) rather than a scan of
/// every incident's date, which on a large database would cost every page a second.
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

    /// <summary>The latest month with incidents in the scope, or null when it has none.</summary>
    public static Period? Latest(IIncidentStore store, IncidentQuery? scope = null) => Of(store, scope).Last;
}
