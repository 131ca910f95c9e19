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
    /// The SQL that adds up rows shaped like the rollup's from <paramref name="parts"/> into <paramref name="delta"/>,
    /// one row per key whose sums are not all zero (the difference a set of rebuilt incidents makes, from their
    /// contributions then and, negated, now — <see cref="FillSql"/> with a sign).
    /// </summary>
    public static string ConsolidateSql(string parts, string delta) => $"""
        INSERT INTO {delta} ({string.Join(", ", KeyColumns.Concat(ValueColumns))})
        SELECT {string.Join(", ", KeyColumns)}, {string.Join(", ", ValueColumns.Select(v => $"SUM({v})"))}
        FROM {parts}
        GROUP BY {string.Join(", ", KeyColumns)}
        HAVING {string.Join(" OR ", ValueColumns.Select(v => $"SUM({v}) <> 0"))}
        """;

    /// <summary>
    /// The SQL that fills the table from the incidents (for a new schema, or to rebuild it); <paramref name="filter"/>, a
    /// condition on incidents, fills the rows of those alone (a dataset's, after its grades changed at once).
    /// </summary>
    public static string RebuildSql(string? filter = null) => FillSql("monthly_rollup", "incidents", filter);

    /// <summary>
    /// The SQL that writes into <paramref name="into"/> the rollup's rows of the incidents of <paramref name="from"/>
    /// (those meeting <paramref name="filter"/>), each sum multiplied by <paramref name="sign"/>.
    /// </summary>
    public static string FillSql(string into, string from, string? filter, int sign = 1)
    {
        var m = sign == 1 ? "" : sign.ToString(System.Globalization.CultureInfo.InvariantCulture) + " * ";
        return $"""
            INSERT INTO {into} ({string.Join(", ", KeyColumns.Concat(ValueColumns))})
            SELECT substr(date_start, 1, 7), COALESCE(country, ''), COALESCE(admin1, ''), COALESCE(perpetrator, perpetrator_raw, ''),
                   event_type, COALESCE(target_type, ''), COALESCE(dataset, ''), category,
                   {m}COUNT(*), {m}COALESCE(SUM(COALESCE(killed_low, killed_best)), 0), {m}COALESCE(SUM(killed_best), 0),
                   {m}COALESCE(SUM(COALESCE(killed_high, killed_best)), 0), {m}SUM(CASE WHEN killed_best IS NULL THEN 1 ELSE 0 END),
                   {m}COALESCE(SUM(COALESCE(injured_low, injured_best)), 0), {m}COALESCE(SUM(injured_best), 0),
                   {m}COALESCE(SUM(COALESCE(injured_high, injured_best)), 0), {m}SUM(CASE WHEN injured_best IS NULL THEN 1 ELSE 0 END),
                   {string.Join(", ", GradeColumns.Keys.Select(g => $"{m}SUM({IsGrade(g)})"))}
            FROM {from}
            WHERE deleted_at IS NULL{(filter is null ? "" : " AND " + filter)}
            GROUP BY substr(date_start, 1, 7), COALESCE(country, ''), COALESCE(admin1, ''), COALESCE(perpetrator, perpetrator_raw, ''),
                     event_type, COALESCE(target_type, ''), COALESCE(dataset, ''), category
            """;
    }
}
