using System.Data.Common;
using Vigil.Domain.Incidents;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// The monthly rollup: incidents and casualty sums per month × country × province × perpetrator × event type
/// × target type × dataset × category, kept in step with <c>incidents</c> by every write in the same transaction (an
/// import adds its rows' contributions at commit; an edit moves one incident's contribution). Whole-history
/// series by month, quarter or year read this small table instead of scanning every incident; anything it
/// cannot answer (days, weeks, districts, actors as targets) falls back to the incidents table. Deleted
/// incidents are not in it. Missing keys are stored as '' (SQL unique keys do not match NULLs).
/// </summary>
internal sealed class MonthlyRollup
{
    public static readonly string[] KeyColumns = ["month", "country", "admin1", "perpetrator", "event_type", "target_type", "dataset", "category"];
    /// <summary>
    /// The count of incidents of each grade (schema version 18), so a statistic's share of graded incidents is read from
    /// the rollup too. An incident not yet graded counts as weak, as everywhere (never better than it is).
    /// </summary>
    public static readonly IReadOnlyDictionary<IncidentGrade, string> GradeColumns =
        Enum.GetValues<IncidentGrade>().ToDictionary(g => g, g => "graded_" + EnumText<IncidentGrade>.Format(g));

    public static readonly string[] ValueColumns =
    [
        "incidents", "killed_low", "killed_best", "killed_high", "killed_unknown", "injured_low", "injured_best", "injured_high", "injured_unknown",
        .. GradeColumns.Values,
    ];

    private const int FirstGrade = 9;

    private readonly Dictionary<Key, long[]> _deltas = [];

    public readonly record struct Key(string Month, string Country, string Admin1, string Perpetrator, string EventType, string TargetType, string Dataset, string Category)
    {
        public string this[int i] => i switch
        {
            0 => Month,
            1 => Country,
            2 => Admin1,
            3 => Perpetrator,
            4 => EventType,
            5 => TargetType,
            6 => Dataset,
            _ => Category,
        };
    }

    public bool IsEmpty => _deltas.Count == 0;

    public void Add(Incident incident) => Apply(incident, +1);

    public void Remove(Incident incident) => Apply(incident, -1);

    private void Apply(Incident i, int sign)
    {
        if (i.DeletedAt is not null)
            return;
        var key = new Key(
            i.Date.Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            i.Place.Country ?? "", i.Place.Admin1 ?? "", i.Perpetrator?.Name ?? i.Perpetrator?.Raw ?? "",
            EnumText<EventType>.Format(i.EventType), i.TargetType is { } t ? EnumText<TargetType>.Format(t) : "",
            i.SourceRecord?.Dataset ?? "", EnumText<EventCategory>.Format(i.Category));
        if (!_deltas.TryGetValue(key, out var d))
            _deltas[key] = d = new long[ValueColumns.Length];
        d[0] += sign;
        d[1] += sign * (long)(i.Killed.Low ?? i.Killed.Best ?? 0);
        d[2] += sign * (long)(i.Killed.Best ?? 0);
        d[3] += sign * (long)(i.Killed.High ?? i.Killed.Best ?? 0);
        d[4] += sign * (i.Killed.Best is null ? 1 : 0);
        d[5] += sign * (long)(i.Injured.Low ?? i.Injured.Best ?? 0);
        d[6] += sign * (long)(i.Injured.Best ?? 0);
        d[7] += sign * (long)(i.Injured.High ?? i.Injured.Best ?? 0);
        d[8] += sign * (i.Injured.Best is null ? 1 : 0);
        d[FirstGrade + Array.IndexOf(GradeOrder, i.Grade ?? IncidentGrade.Weak)] += sign;
    }

    private static readonly IncidentGrade[] GradeOrder = [.. GradeColumns.Keys];

    /// <summary>Whether an incident row has the grade (SQL over incidents; not yet graded reads as weak).</summary>
    public static string IsGrade(IncidentGrade grade) =>
        $"CASE WHEN COALESCE(grade, '{EnumText<IncidentGrade>.Format(IncidentGrade.Weak)}') = '{EnumText<IncidentGrade>.Format(grade)}' THEN 1 ELSE 0 END";

    /// <summary>Adds the collected changes to the table (inside the caller's transaction) and forgets them.</summary>
    public void Flush(DbConnection connection, DbTransaction transaction, ISqlDialect dialect)
    {
        if (_deltas.Count == 0)
            return;
        var all = KeyColumns.Concat(ValueColumns).ToArray();
        var sql = $"INSERT INTO monthly_rollup ({string.Join(", ", all)}) VALUES ({string.Join(", ", all.Select(c => "@" + c))}) "
            + $"ON CONFLICT ({string.Join(", ", KeyColumns)}) DO UPDATE SET "
            + string.Join(", ", ValueColumns.Select(c => $"{c} = monthly_rollup.{c} + excluded.{c}"));
        using (var upsert = dialect.PrepareRowCommand(connection, transaction, sql, all, returnsId: false))
        {
            foreach (var (key, values) in _deltas)
            {
                if (values.All(v => v == 0))
                    continue;
                for (var c = 0; c < KeyColumns.Length; c++)
                    upsert.Set(c, key[c]);
                for (var v = 0; v < values.Length; v++)
                    upsert.Set(KeyColumns.Length + v, values[v]);
                upsert.Execute();
            }
        }
        using (var prune = dialect.PrepareRowCommand(connection, transaction, "DELETE FROM monthly_rollup WHERE incidents = 0", [], false))
            prune.Execute();
        _deltas.Clear();
    }

    /// <summary>
    /// The SQL that writes into <paramref name="delta"/> the rollup's difference when the incidents listed in
    /// <paramref name="touched"/> (column <c>id</c>) are as in <paramref name="rebuilt"/> rather than as in
    /// <paramref name="main"/>'s incidents table: their contributions as rebuilt less their contributions now, one row per
    /// key that changed (rows shaped like the rollup's, so the two add up with UNION ALL).
    /// </summary>
    public static string DeltaSql(string main, string rebuilt, string touched, string delta)
    {
        const string keys = """
            substr(date_start, 1, 7) AS month, COALESCE(country, '') AS country, COALESCE(admin1, '') AS admin1,
            COALESCE(perpetrator, perpetrator_raw, '') AS perpetrator, event_type, COALESCE(target_type, '') AS target_type,
            COALESCE(dataset, '') AS dataset, category
            """;
        static string Values(string sign) => $"""
            {sign} AS incidents, {sign} * COALESCE(killed_low, killed_best, 0) AS killed_low, {sign} * COALESCE(killed_best, 0) AS killed_best,
            {sign} * COALESCE(killed_high, killed_best, 0) AS killed_high, {sign} * (CASE WHEN killed_best IS NULL THEN 1 ELSE 0 END) AS killed_unknown,
            {sign} * COALESCE(injured_low, injured_best, 0) AS injured_low, {sign} * COALESCE(injured_best, 0) AS injured_best,
            {sign} * COALESCE(injured_high, injured_best, 0) AS injured_high, {sign} * (CASE WHEN injured_best IS NULL THEN 1 ELSE 0 END) AS injured_unknown,
            {string.Join(", ", GradeColumns.Select(g => $"{sign} * ({IsGrade(g.Key)}) AS {g.Value}"))}
            """;
        return $"""
            INSERT INTO {delta} ({string.Join(", ", KeyColumns.Concat(ValueColumns))})
            SELECT {string.Join(", ", KeyColumns)}, {string.Join(", ", ValueColumns.Select(v => $"SUM({v})"))}
            FROM (
                SELECT {keys}, {Values("1")} FROM {rebuilt} WHERE deleted_at IS NULL
                UNION ALL
                SELECT {keys}, {Values("-1")} FROM {main}incidents WHERE deleted_at IS NULL AND id IN (SELECT id FROM {touched})
            ) d
            GROUP BY {string.Join(", ", KeyColumns)}
            HAVING {string.Join(" OR ", ValueColumns.Select(v => $"SUM({v}) <> 0"))}
            """;
    }

    /// <summary>
    /// The SQL that fills the table from the incidents (for a new schema, or to rebuild it); <paramref name="filter"/>, a
    /// condition on incidents, fills the rows of those alone (a dataset's, after its grades changed at once).
    /// </summary>
    public static string RebuildSql(string? filter = null) => $"""
        INSERT INTO monthly_rollup ({string.Join(", ", KeyColumns.Concat(ValueColumns))})
        SELECT substr(date_start, 1, 7), COALESCE(country, ''), COALESCE(admin1, ''), COALESCE(perpetrator, perpetrator_raw, ''),
               event_type, COALESCE(target_type, ''), COALESCE(dataset, ''), category,
               COUNT(*), COALESCE(SUM(COALESCE(killed_low, killed_best)), 0), COALESCE(SUM(killed_best), 0),
               COALESCE(SUM(COALESCE(killed_high, killed_best)), 0), SUM(CASE WHEN killed_best IS NULL THEN 1 ELSE 0 END),
               COALESCE(SUM(COALESCE(injured_low, injured_best)), 0), COALESCE(SUM(injured_best), 0),
               COALESCE(SUM(COALESCE(injured_high, injured_best)), 0), SUM(CASE WHEN injured_best IS NULL THEN 1 ELSE 0 END),
               {string.Join(", ", GradeColumns.Keys.Select(g => $"SUM({IsGrade(g)})"))}
        FROM incidents
        WHERE deleted_at IS NULL{(filter is null ? "" : " AND " + filter)}
        GROUP BY substr(date_start, 1, 7), COALESCE(country, ''), COALESCE(admin1, ''), COALESCE(perpetrator, perpetrator_raw, ''),
                 event_type, COALESCE(target_type, ''), COALESCE(dataset, ''), category
        """;
}
