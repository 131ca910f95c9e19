using System.Data.Common;
using System.Text;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// Turns an <see cref="IncidentQuery"/> into a WHERE clause with parameters.
/// <para>A combined scope (several datasets) counts each real event once: a record linked (status
/// <c>linked</c> in <c>incident_links</c>) to a live record of a dataset earlier in the scope's order is
/// <em>shadowed</em> — left out, its group represented by the earlier dataset's record. The group's figures and
/// attributes are the representative's, so a group is in a filtered scope when its representative is.</para>
/// </summary>
internal static class FilterSql
{
    /// <summary>The columns that name a party to an incident (each with its <c>_raw</c> twin).</summary>
    private static readonly string[] PartyColumns = ["perpetrator", "target", "state_forces", "armed_group", "other_party"];

    /// <summary>
    /// An incident's non-state party: the perpetrator of a militant attack, else the armed group of a clash or an
    /// operation (the first named, when two groups fight); canonical name, else as the source wrote it.
    /// </summary>
    public const string GroupKey =
        "(CASE WHEN category = 'militant-attack' THEN COALESCE(perpetrator, perpetrator_raw) ELSE COALESCE(armed_group, armed_group_raw) END)";

    /// <summary>Whether a query's scope combines datasets, so that linked records are counted once.</summary>
    public static bool Combined(IncidentQuery q) => q.Datasets.Count > 1;

    /// <summary>
    /// The WHERE clause: the rows in scope (<paramref name="linked"/> Represented), or only the shadowed rows a combined
    /// scope leaves out (Shadowed). <paramref name="dialect"/> says how the database's full-text index is asked.
    /// </summary>
    public static string Where(IncidentQuery q, DbCommand cmd, ISqlDialect dialect, LinkedRows linked = LinkedRows.Represented)
    {
        var sb = new StringBuilder();
        void And(string condition) => sb.Append(sb.Length == 0 ? " WHERE " : " AND ").Append(condition);

        if (!q.IncludeDeleted) And("deleted_at IS NULL");
        if (q.From is { } from) And($"date_start >= {Param(cmd, IncidentColumns.Day(from))}");
        if (q.To is { } to) And($"date_start <= {Param(cmd, IncidentColumns.Day(to))}");
        In(q.Countries, "country");
        Areas(q.Provinces, q.AreaDistricts);
        In(q.Districts, "admin2");
        In(q.EventTypes, "event_type");
        // The shadowed rows are found from the links (ShadowedIds), which already keep them to the scope's datasets.
        if (!Combined(q) || linked == LinkedRows.Represented)
            Datasets(q.Datasets, "dataset IS NULL");
        if (Combined(q))
            And(linked == LinkedRows.Represented ? $"NOT {ShadowedCondition(q.Datasets, cmd)}" : ShadowedIds(q.Datasets, cmd));
        if (q.Actors.Count > 0)
        {
            var names = string.Join(", ", q.Actors.Select(a => Param(cmd, a)));
            And("(" + string.Join(" OR ", PartyColumns.Select(c => $"{c} IN ({names}) OR {c}_raw IN ({names})")) + ")");
        }
        if (q.Groups.Count > 0)
        {
            var names = string.Join(", ", q.Groups.Select(a => Param(cmd, a)));
            And($"({GroupKey} IN ({names}) OR (category = 'armed-clash' AND (other_party IN ({names}) OR other_party_raw IN ({names}))))");
        }
        In(q.Categories, "category");
        if (q.Suicide is { } suicide) And(suicide ? "suicide = 1" : "suicide = 0");
        In(q.Weapons, "weapon");
        if (q.Perpetrators.Count > 0)
        {
            var names = string.Join(", ", q.Perpetrators.Select(a => Param(cmd, a)));
            And($"(perpetrator IN ({names}) OR perpetrator_raw IN ({names}))");
        }
        In(q.TargetTypes, "target_type");
        // An unknown figure (NULL) never satisfies either bound: not known is not zero, nor any other number.
        if (q.MinKilled is { } min) And($"{Figure(q, "killed_best")} >= {Param(cmd, min)}");
        if (q.MaxKilled is { } max) And($"{Figure(q, "killed_best")} <= {Param(cmd, max)}");
        if (q.MinGrade is { } grade)
            And($"grade IN ({string.Join(", ", Enum.GetValues<IncidentGrade>().Where(g => g >= grade).Select(g => Param(cmd, EnumText<IncidentGrade>.Format(g))))})");
        if (q.Text is { } text) And(dialect.Search.Condition(Param(cmd, dialect.Search.Query(text))));
        if (q.After is { } after)
        {
            var op = q.Descending ? "<" : ">";
            var id = Param(cmd, after.Id);
            And(q.Sort == IncidentSort.Id
                ? $"id {op} {id}"
                : $"(date_start {op} {Param(cmd, IncidentColumns.Day(after.Date))} OR (date_start = {Param(cmd, IncidentColumns.Day(after.Date))} AND id {op} {id}))");
        }
        return sb.ToString();

        void In(IReadOnlyList<string> values, string column)
        {
            if (values.Count > 0)
                And($"{column} IN ({string.Join(", ", values.Select(v => Param(cmd, v)))})");
        }
        void Areas(IReadOnlyList<string> provinces, IReadOnlyList<string> districts)
        {
            string List(IReadOnlyList<string> values) => string.Join(", ", values.Select(v => Param(cmd, v)));
            if (provinces.Count > 0 && districts.Count > 0)
                And($"(admin1 IN ({List(provinces)}) OR admin2 IN ({List(districts)}))");
            else if (provinces.Count > 0)
                And($"admin1 IN ({List(provinces)})");
            else if (districts.Count > 0)
                And($"admin2 IN ({List(districts)})");
        }
        void Datasets(IReadOnlyList<string> names, string own)
        {
            if (DatasetCondition(names, own, cmd) is { } condition)
                And(condition);
        }
    }

    /// <summary>
    /// The condition for a scope's datasets: the team's own records (<see cref="Domain.Datasets.DatasetNames.Own"/>)
    /// are the rows without a dataset.
    /// </summary>
    private static string? DatasetCondition(IReadOnlyList<string> names, string own, DbCommand cmd)
    {
        if (names.Count == 0)
            return null;
        var named = names.Where(n => n != Domain.Datasets.DatasetNames.Own).ToList();
        var hasOwn = named.Count < names.Count;
        var inList = named.Count > 0 ? $"dataset IN ({string.Join(", ", named.Select(v => Param(cmd, v)))})" : null;
        return (inList, hasOwn) switch
        {
            (null, _) => own,
            (_, true) => $"({inList} OR {own})",
            _ => inList,
        };
    }

    /// <summary>
    /// True for a record linked to a live record of a dataset that comes earlier in <paramref name="names"/>
    /// (the scope's precedence). Each side of a link is its own EXISTS so that each uses its index.
    /// </summary>
    private static string ShadowedCondition(IReadOnlyList<string> names, DbCommand cmd)
    {
        string Rank(string column) => DatasetRank(names, column, cmd);
        string Side(string self, string other) => $"""
            EXISTS (SELECT 1 FROM incident_links l JOIN incidents o ON o.id = l.{other}
                WHERE l.{self} = incidents.id AND l.status = 'linked' AND o.deleted_at IS NULL
                AND {Rank("o.dataset")} < {Rank("incidents.dataset")})
            """;
        return $"({Side("incident_a", "incident_b")} OR {Side("incident_b", "incident_a")})";
    }

    /// <summary>A dataset column's place in the scope's order of precedence (0 first), null for a dataset outside it.</summary>
    private static string DatasetRank(IReadOnlyList<string> names, string column, DbCommand cmd)
    {
        var cases = string.Concat(names.Select((n, i) =>
            $" WHEN {Param(cmd, n == Domain.Datasets.DatasetNames.Own ? "" : n)} THEN {i.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        return $"(CASE COALESCE({column}, ''){cases} END)";
    }

    /// <summary>
    /// The same rows as <see cref="ShadowedCondition"/>, found from the other end: the ids of the records that a
    /// <c>linked</c> link ties to a live record of a dataset earlier in <paramref name="names"/>, as an uncorrelated
    /// subquery over <c>incident_links</c>. A record of a dataset outside <paramref name="names"/> has no rank, so
    /// none is in the list, so the scope's dataset condition is not repeated: without it the planner starts from the
    /// links and fetches each shadowed record by its id, instead of walking every record of the scope and probing the
    /// links twice for each (BENCHMARKS.md, "Combined scope": a third of the time on a million records).
    /// </summary>
    private static string ShadowedIds(IReadOnlyList<string> names, DbCommand cmd)
    {
        string Rank(string column) => DatasetRank(names, column, cmd);
        string Side(string self, string other) => $"""
            SELECT l.{self} FROM incident_links l
                JOIN incidents o ON o.id = l.{other}
                JOIN incidents s ON s.id = l.{self}
            WHERE l.status = 'linked' AND o.deleted_at IS NULL AND {Rank("o.dataset")} < {Rank("s.dataset")}
            """;
        return $"incidents.id IN ({Side("incident_a", "incident_b")} UNION ALL {Side("incident_b", "incident_a")})";
    }

    /// <summary>
    /// The WHERE clause over <c>monthly_rollup</c> for a query it can answer — whole months, and filters on
    /// the columns it keeps — or null when the query needs the incidents themselves.
    /// </summary>
    public static string? RollupWhere(IncidentQuery q, GroupBy breakdown, DbCommand cmd)
    {
        var servable = !q.IncludeDeleted && q.Districts.Count == 0 && q.AreaDistricts.Count == 0 && q.Actors.Count == 0 && q.Groups.Count == 0 && q.Suicide is null && q.Weapons.Count == 0 && q.MinKilled is null
            && q.MaxKilled is null && q.Text is null && q.Sources == SourceScope.Independent && q.MinGrade is null
            && (q.From is null || q.From.Value.Day == 1)
            && (q.To is null || q.To.Value.AddDays(1).Day == 1)
            && breakdown is GroupBy.None or GroupBy.Province or GroupBy.Perpetrator or GroupBy.EventType or GroupBy.TargetType or GroupBy.Dataset or GroupBy.Country or GroupBy.Category;
        if (!servable)
            return null;
        var sb = new StringBuilder();
        void And(string condition) => sb.Append(sb.Length == 0 ? " WHERE " : " AND ").Append(condition);
        void In(IReadOnlyList<string> values, string column)
        {
            if (values.Count > 0)
                And($"{column} IN ({string.Join(", ", values.Select(v => Param(cmd, v)))})");
        }
        void Datasets(IReadOnlyList<string> names, string own)
        {
            if (DatasetCondition(names, own, cmd) is { } condition)
                And(condition);
        }
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (q.From is { } from) And($"month >= {Param(cmd, from.ToString("yyyy-MM", inv))}");
        if (q.To is { } to) And($"month <= {Param(cmd, to.ToString("yyyy-MM", inv))}");
        In(q.Countries, "country");
        In(q.Provinces, "admin1");
        In(q.Perpetrators, "perpetrator");
        In(q.EventTypes, "event_type");
        In(q.TargetTypes, "target_type");
        In(q.Categories, "category");
        Datasets(q.Datasets, "dataset = ''");
        return sb.ToString();
    }

    // table: the alias that qualifies the order's columns ("i."), where a join shares their names.
    public static string OrderAndPage(IncidentQuery q, DbCommand cmd, string table = "")
    {
        var column = q.Sort switch
        {
            IncidentSort.Killed => table + Figure(q, "killed_best"),
            IncidentSort.Injured => table + Figure(q, "injured_best"),
            IncidentSort.Id => table + "id",
            _ => table + "date_start",
        };
        var dir = q.Descending ? "DESC" : "ASC";
        // Unknown counts sort after known ones in either direction; id breaks ties so paging is stable.
        var nulls = q.Sort is IncidentSort.Killed or IncidentSort.Injured ? $"CASE WHEN {column} IS NULL THEN 1 ELSE 0 END, " : "";
        var sql = $" ORDER BY {nulls}{column} {dir}, {table}id {dir}";
        if (q.Limit is not null || q.Offset > 0)
            sql += $" LIMIT {Param(cmd, (long?)q.Limit ?? long.MaxValue)} OFFSET {Param(cmd, q.Offset)}";
        return sql;
    }

    /// <summary>
    /// The column holding a figure (<c>killed_best</c>, <c>injured_low</c>, ...) as the query's sources count it: the
    /// incident's own for independent sources, else the column derived for all sources or for party claims.
    /// </summary>
    public static string Figure(IncidentQuery q, string column) => q.Sources switch
    {
        SourceScope.All => column + "_all",
        SourceScope.Party => column + "_party",
        _ => column,
    };

    public static string Param(DbCommand cmd, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@p" + cmd.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        p.Value = value;
        cmd.Parameters.Add(p);
        return p.ParameterName;
    }
}

/// <summary>Which rows of a combined scope a WHERE clause selects: those that represent their event, or the shadowed ones.</summary>
internal enum LinkedRows
{
    Represented,
    Shadowed,
}
