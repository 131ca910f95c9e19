using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>Counts and casualty sums grouped by a key, per day or per month (from the monthly rollup where it can answer).</summary>
public partial class RelationalIncidentStore
{
    private static string KeyOf(GroupBy groupBy) => groupBy switch
    {
        GroupBy.None => "NULL",
        GroupBy.Month => "substr(date_start, 1, 7)",
        GroupBy.Year => "substr(date_start, 1, 4)",
        GroupBy.Province => "admin1",
        GroupBy.District => "admin2",
        GroupBy.Perpetrator => "COALESCE(perpetrator, perpetrator_raw)",
        GroupBy.EventType => "event_type",
        GroupBy.Dataset => "dataset",
        GroupBy.Country => "country",
        GroupBy.TargetType => "target_type",
        GroupBy.Category => "category",
        GroupBy.Group => FilterSql.GroupKey,
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy)),
    };

    public IReadOnlyList<AggregateRow> Aggregate(IncidentQuery query, GroupBy groupBy)
    {
        var key = KeyOf(groupBy);
        using var cmd = Connection.CreateCommand();
        var where = FilterSql.Where(query, cmd, Dialect);
        cmd.CommandText = $"""
            SELECT {key} AS k, COUNT(*),
                   COALESCE(SUM({F(query, "killed_best")}), 0), SUM(CASE WHEN {F(query, "killed_best")} IS NULL THEN 1 ELSE 0 END),
                   COALESCE(SUM({F(query, "injured_best")}), 0), SUM(CASE WHEN {F(query, "injured_best")} IS NULL THEN 1 ELSE 0 END)
            FROM incidents{where}
            GROUP BY {(groupBy == GroupBy.None ? "1" : key)}
            ORDER BY 1
            """;
        using var r = cmd.ExecuteReader();
        var rows = new List<AggregateRow>();
        while (r.Read())
        {
            rows.Add(new AggregateRow(r.IsDBNull(0) ? null : Convert.ToString(r.GetValue(0), Inv),
                r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)));
        }
        return rows;
    }

    public IReadOnlyList<DailyAggregate> AggregateDaily(IncidentQuery query, GroupBy breakdown)
    {
        if (breakdown is GroupBy.Month or GroupBy.Year)
            throw new ArgumentException("a period is not a breakdown; daily figures are rolled up into periods by the caller", nameof(breakdown));
        var key = KeyOf(breakdown);
        using var cmd = Connection.CreateCommand();
        var where = FilterSql.Where(query, cmd, Dialect);
        cmd.CommandText = $"""
            SELECT date_start, {key}, {Sums(query)}
            FROM incidents{where}
            GROUP BY date_start{(breakdown == GroupBy.None ? "" : ", " + key)}
            """;
        using var r = cmd.ExecuteReader();
        var rows = new List<DailyAggregate>();
        while (r.Read())
        {
            rows.Add(new DailyAggregate(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", Inv), r.IsDBNull(1) ? null : Convert.ToString(r.GetValue(1), Inv),
                r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10)));
        }
        return rows;
    }

    /// <summary>
    /// A breakdown's column in <c>monthly_rollup</c>, and the same value computed from an incident as the rollup
    /// stores it (<see cref="MonthlyRollup.RebuildSql"/>: empty text for not known).
    /// </summary>
    private static (string Column, string OfIncident) RollupKey(GroupBy breakdown) => breakdown switch
    {
        GroupBy.None => ("NULL", "NULL"),
        GroupBy.Province => ("admin1", "COALESCE(admin1, '')"),
        GroupBy.Perpetrator => ("perpetrator", "COALESCE(perpetrator, perpetrator_raw, '')"),
        GroupBy.EventType => ("event_type", "event_type"),
        GroupBy.TargetType => ("target_type", "COALESCE(target_type, '')"),
        GroupBy.Dataset => ("dataset", "COALESCE(dataset, '')"),
        GroupBy.Category => ("category", "category"),
        _ => ("country", "COALESCE(country, '')"),
    };

    private static string F(IncidentQuery query, string column) => FilterSql.Figure(query, column);

    /// <summary>
    /// The sums the monthly rollup keeps, over incidents, in its column order (incidents, killed and injured
    /// low/best/high/unknown), of the figures the query's sources count.
    /// </summary>
    private static string Sums(IncidentQuery q) => $"""
        COUNT(*) AS n, COALESCE(SUM(COALESCE({F(q, "killed_low")}, {F(q, "killed_best")})), 0) AS kl, COALESCE(SUM({F(q, "killed_best")}), 0) AS kb,
        COALESCE(SUM(COALESCE({F(q, "killed_high")}, {F(q, "killed_best")})), 0) AS kh, SUM(CASE WHEN {F(q, "killed_best")} IS NULL THEN 1 ELSE 0 END) AS ku,
        COALESCE(SUM(COALESCE({F(q, "injured_low")}, {F(q, "injured_best")})), 0) AS il, COALESCE(SUM({F(q, "injured_best")}), 0) AS ib,
        COALESCE(SUM(COALESCE({F(q, "injured_high")}, {F(q, "injured_best")})), 0) AS ih, SUM(CASE WHEN {F(q, "injured_best")} IS NULL THEN 1 ELSE 0 END) AS iu
        """;

    /// <summary>
    /// For a combined scope: the rollup's rows of the scope's datasets, less the contributions of the records
    /// the scope's links shadow (keyed as the rollup keys them), as one derived table.
    /// </summary>
    private string RollupLessShadowed(IncidentQuery query, string rollupWhere, GroupBy breakdown, DbCommand cmd)
    {
        var (column, ofIncident) = RollupKey(breakdown);
        return $"""
            (SELECT month, {column} AS {(breakdown == GroupBy.None ? "k" : column)}, incidents, killed_low, killed_best, killed_high, killed_unknown,
                    injured_low, injured_best, injured_high, injured_unknown
             FROM monthly_rollup{rollupWhere}
             UNION ALL
             SELECT m, k, -n, -kl, -kb, -kh, -ku, -il, -ib, -ih, -iu
             FROM (SELECT substr(date_start, 1, 7) AS m, {ofIncident} AS k, {Sums(query)}
                   FROM incidents{FilterSql.Where(query, cmd, Dialect, LinkedRows.Shadowed)}
                   GROUP BY substr(date_start, 1, 7){(breakdown == GroupBy.None ? "" : ", " + ofIncident)}) AS shadowed) AS scoped
            """;
    }

    public IReadOnlyList<DailyAggregate> AggregateMonthly(IncidentQuery query, GroupBy breakdown)
    {
        if (breakdown is GroupBy.Month or GroupBy.Year)
            throw new ArgumentException("a period is not a breakdown", nameof(breakdown));
        using var cmd = Connection.CreateCommand();
        string sql;
        if (FilterSql.RollupWhere(query, breakdown, cmd) is { } where)
        {
            var key = RollupKey(breakdown).Column;
            sql = $"""
                SELECT month, {key}, SUM(incidents), SUM(killed_low), SUM(killed_best), SUM(killed_high), SUM(killed_unknown),
                       SUM(injured_low), SUM(injured_best), SUM(injured_high), SUM(injured_unknown)
                FROM {(FilterSql.Combined(query) ? RollupLessShadowed(query, where, breakdown, cmd) : "monthly_rollup" + where)}
                GROUP BY month{(breakdown == GroupBy.None ? "" : ", " + key)}
                """;
        }
        else
        {
            var key = KeyOf(breakdown);
            sql = $"""
                SELECT substr(date_start, 1, 7), {key}, {Sums(query)}
                FROM incidents{FilterSql.Where(query, cmd, Dialect)}
                GROUP BY substr(date_start, 1, 7){(breakdown == GroupBy.None ? "" : ", " + key)}
                """;
        }
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<DailyAggregate>();
        while (r.Read())
        {
            var key = r.IsDBNull(1) ? null : Convert.ToString(r.GetValue(1), Inv);
            rows.Add(new DailyAggregate(DateOnly.ParseExact(r.GetString(0) + "-01", "yyyy-MM-dd", Inv), key is "" ? null : key,
                r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10)));
        }
        return rows;
    }

    /// <summary>
    /// The count of each grade in scope: from the rollup's grade counts when it can answer the scope (whole months, its
    /// keys; the sources scope does not matter, a grade is the incident's), else over the incidents.
    /// </summary>
    public IReadOnlyDictionary<Domain.Sources.IncidentGrade, long> GradeCounts(IncidentQuery query)
    {
        using var cmd = Connection.CreateCommand();
        var grades = MonthlyRollup.GradeColumns;
        if (FilterSql.RollupWhere(query with { Sources = Domain.Sources.SourceScope.Independent }, GroupBy.None, cmd) is { } where)
        {
            var rows = $"SELECT {string.Join(", ", grades.Values)} FROM monthly_rollup{where}";
            if (FilterSql.Combined(query))
            {
                // Less the records the scope's links shadow, counted as the rollup counts them.
                rows += $"""

                    UNION ALL
                    SELECT {string.Join(", ", grades.Keys.Select(g => $"-SUM({MonthlyRollup.IsGrade(g)})"))}
                    FROM incidents{FilterSql.Where(query, cmd, Dialect, LinkedRows.Shadowed)}
                    """;
            }
            cmd.CommandText = $"SELECT {string.Join(", ", grades.Values.Select(c => $"COALESCE(SUM({c}), 0)"))} FROM ({rows}) AS scoped";
            using var r = cmd.ExecuteReader();
            r.Read();
            var counts = new Dictionary<Domain.Sources.IncidentGrade, long>();
            var i = 0;
            foreach (var grade in grades.Keys)
            {
                var n = Convert.ToInt64(r.GetValue(i++), Inv);
                if (n != 0)
                    counts[grade] = n;
            }
            return counts;
        }
        cmd.CommandText = $"SELECT grade, COUNT(*) FROM incidents{FilterSql.Where(query, cmd, Dialect)} GROUP BY grade";
        using (var r = cmd.ExecuteReader())
        {
            var counts = new Dictionary<Domain.Sources.IncidentGrade, long>();
            while (r.Read())
            {
                // An incident not yet graded (none should be after schema version 17) is counted as weak: never better than it is.
                var grade = r.IsDBNull(0) ? Domain.Sources.IncidentGrade.Weak : EnumText<Domain.Sources.IncidentGrade>.Parse(r.GetString(0));
                counts[grade] = counts.GetValueOrDefault(grade) + Convert.ToInt64(r.GetValue(1), Inv);
            }
            // In the grades' order, as the rollup gives them.
            return grades.Keys.Where(counts.ContainsKey).ToDictionary(g => g, g => counts[g]);
        }
    }
}
