using Vigil.Domain.Time;
using Vigil.Storage;

namespace Vigil.Server.Dashboard.Shell;

/// <summary>
/// The first and last month that have incidents, from the monthly rollup (a few hundred rows) rather than a
/// scan of every incident's date, which on a large database would cost every page a second.
/// </summary>
internal static class DataMonths
{
    public static (Period? First, Period? Last) Of(IIncidentStore store)
    {
        var months = store.AggregateMonthly(IncidentQuery.All, GroupBy.None).Where(m => m.Incidents > 0).Select(m => m.Day).ToList();
        return months.Count == 0
            ? (null, null)
            : (Period.Containing(months.Min(), PeriodUnit.Month), Period.Containing(months.Max(), PeriodUnit.Month));
    }
}
