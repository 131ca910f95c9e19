using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;

namespace Vigil.Storage;

/// <summary>
/// Where incidents live. One implementation per database (SQLite, PostgreSQL); all of them keep every
/// change as a revision and never erase an incident.
/// </summary>
public interface IIncidentStore : IDisposable
{
    /// <summary>Starts an all-or-nothing import: nothing is visible until <see cref="IImportSession.Commit"/>.</summary>
    IImportSession BeginImport(ImportRequest request);

    /// <summary>The incident with this id, or null. Deleted incidents are returned only when asked for.</summary>
    Incident? Find(long id, bool includeDeleted = false);

    /// <summary>Every revision of an incident, oldest first.</summary>
    IReadOnlyList<Revision> GetRevisions(long id);

    /// <summary>The incidents that match, streamed in the query's order.</summary>
    IEnumerable<Incident> Query(IncidentQuery query, bool includeSources = false);

    long Count(IncidentQuery query);

    /// <summary>Counts and casualty sums of the matching incidents, grouped by one dimension.</summary>
    IReadOnlyList<AggregateRow> Aggregate(IncidentQuery query, GroupBy groupBy);

    /// <summary>
    /// Figures per start day, optionally per breakdown key (<see cref="GroupBy.None"/> for none; periods of
    /// days are not allowed as a breakdown). Days without incidents are absent.
    /// </summary>
    IReadOnlyList<DailyAggregate> AggregateDaily(IncidentQuery query, GroupBy breakdown);

    /// <summary>
    /// Figures per start month (Day = the month's first day), optionally per breakdown key: from the monthly
    /// rollup when the query allows (whole months; filters on country, province, perpetrator, type, target
    /// type, dataset), else from the incidents.
    /// </summary>
    IReadOnlyList<DailyAggregate> AggregateMonthly(IncidentQuery query, GroupBy breakdown);

    /// <summary>How many matching incidents have each grade (a grade no incident has is absent).</summary>
    IReadOnlyDictionary<Domain.Sources.IncidentGrade, long> GradeCounts(IncidentQuery query);

    /// <summary>The ids of the matching incidents, in the query's order: what stands behind a figure.</summary>
    IReadOnlyList<long> QueryIds(IncidentQuery query);

    /// <summary>The first and last start date among the matching incidents (null when none match).</summary>
    (DateOnly? First, DateOnly? Last) DateRange(IncidentQuery query);

    /// <summary>Adds an incident entered by hand (or by an API client); returns it with its new id.</summary>
    Incident Create(Incident incident, ChangeContext context);

    /// <summary>Replaces an incident's values if it is still at <paramref name="expectedRevision"/>.</summary>
    /// <exception cref="Domain.Errors.ConcurrencyException">Someone changed it since.</exception>
    Incident Update(Incident incident, int expectedRevision, ChangeContext context);

    /// <summary>
    /// Reads the incident once (with its sources), checks it is still at <paramref name="expectedRevision"/>, and writes
    /// what <paramref name="apply"/> makes of it, in one transaction; returns the incident as written (unchanged when
    /// <paramref name="apply"/> changed nothing).
    /// </summary>
    /// <exception cref="Domain.Errors.NotFoundException">No live incident with this id.</exception>
    /// <exception cref="Domain.Errors.ConcurrencyException">Someone changed it since.</exception>
    Incident Update(long id, int expectedRevision, ChangeContext context, Func<Incident, Incident> apply);

    /// <summary>Marks an incident deleted (it stays in the database with a revision saying who and why).</summary>
    void Delete(long id, int expectedRevision, ChangeContext context);

    IReadOnlyList<ImportRecord> GetImports();

    /// <summary>A number that changes whenever any incident changes (every committed write raises it): caches key on it.</summary>
    long DataVersion();

    StoreInfo GetInfo();
}

/// <summary>Queries several features share.</summary>
public static class IncidentStoreQueries
{
    /// <summary>The live incidents of one district whose start date lies from <paramref name="from"/> to <paramref name="to"/>, read whole.</summary>
    public static List<Incident> InDistrict(this IIncidentStore store, string district, DateOnly from, DateOnly to) =>
        [.. store.Query(new IncidentQuery { Districts = [district], From = from, To = to, Sort = IncidentSort.Id })];
}
