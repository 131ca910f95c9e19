using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>Reading incidents: filtered, sorted and paged queries, counts, ids, date ranges, and their sources.</summary>
public partial class RelationalIncidentStore
{
    public IEnumerable<Incident> Query(IncidentQuery query, bool includeSources = false) =>
        includeSources && !Dialect.InterleavedReaders ? QueryJoined(query) : QueryBatched(query, includeSources);

    /// <summary>Incidents with their sources in one query (for databases that allow one open reader at a time).</summary>
    private IEnumerable<Incident> QueryJoined(IncidentQuery query)
    {
        using var cmd = Connection.CreateCommand();
        var where = FilterSql.Where(query, cmd, Dialect);
        var inner = $"SELECT {IncidentColumns.SelectList} FROM incidents{where}{FilterSql.OrderAndPage(query, cmd)}";
        // The outer ORDER BY repeats the inner one on the sub-query's columns, qualified (source rows have figures too).
        var order = FilterSql.OrderAndPage(query with { Limit = null, Offset = 0 }, cmd, "i.");
        cmd.CommandText = $"SELECT i.*, s.ordinal, {SourceSelect("s.")} FROM ({inner}) i "
            + $"LEFT JOIN incident_sources s ON s.incident_id = i.id{order}, s.ordinal";
        using var r = cmd.ExecuteReader();
        var ordinalColumn = r.FieldCount - SourceReadColumns - 1;
        Incident? current = null;
        var sources = ImmutableArray.CreateBuilder<SourceReference>();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            if (current is not null && current.Id != id)
            {
                yield return current with { Sources = sources.ToImmutable() };
                current = null;
            }
            if (current is null)
            {
                current = IncidentColumns.Read(r);
                sources.Clear();
            }
            if (!r.IsDBNull(ordinalColumn))
                sources.Add(ReadSource(r, ordinalColumn + 1));
        }
        if (current is not null)
            yield return current with { Sources = sources.ToImmutable() };
    }

    private IEnumerable<Incident> QueryBatched(IncidentQuery query, bool includeSources)
    {
        const int batchSize = 500;
        using var cmd = Connection.CreateCommand();
        var where = FilterSql.Where(query, cmd, Dialect);
        cmd.CommandText = $"SELECT {IncidentColumns.SelectList} FROM incidents{where}{FilterSql.OrderAndPage(query, cmd)}";
        using var r = cmd.ExecuteReader();
        var batch = new List<Incident>(batchSize);
        while (r.Read())
        {
            batch.Add(IncidentColumns.Read(r));
            if (batch.Count == batchSize)
            {
                foreach (var incident in WithSources(batch, includeSources))
                    yield return incident;
                batch.Clear();
            }
        }
        foreach (var incident in WithSources(batch, includeSources))
            yield return incident;
    }

    private IEnumerable<Incident> WithSources(List<Incident> batch, bool includeSources)
    {
        if (!includeSources || batch.Count == 0)
            return batch;
        var sources = LoadSources(batch.Select(i => i.Id).ToList());
        return batch.Select(i => sources.TryGetValue(i.Id, out var s) ? i with { Sources = s } : i).ToList();
    }

    public long Count(IncidentQuery query)
    {
        using var cmd = Connection.CreateCommand();
        // Counting whole months on the rollup's columns reads the small rollup, not every incident.
        // A combined scope takes off the records its links shadow (few, found through the links' indexes).
        cmd.CommandText = query.After is null && FilterSql.RollupWhere(query, GroupBy.None, cmd) is { } rollup
            ? "SELECT (SELECT COALESCE(SUM(incidents), 0) FROM monthly_rollup" + rollup + ")"
                + (FilterSql.Combined(query) ? " - (SELECT COUNT(*) FROM incidents" + FilterSql.Where(query, cmd, Dialect, LinkedRows.Shadowed) + ")" : "")
            : "SELECT COUNT(*) FROM incidents" + FilterSql.Where(query, cmd, Dialect);
        return Convert.ToInt64(cmd.ExecuteScalar(), Inv);
    }

    public IReadOnlyList<long> QueryIds(IncidentQuery query)
    {
        using var cmd = Connection.CreateCommand();
        var where = FilterSql.Where(query, cmd, Dialect);
        cmd.CommandText = $"SELECT id FROM incidents{where}{FilterSql.OrderAndPage(query, cmd)}";
        using var r = cmd.ExecuteReader();
        var ids = new List<long>();
        while (r.Read())
            ids.Add(r.GetInt64(0));
        return ids;
    }

    public (DateOnly? First, DateOnly? Last) DateRange(IncidentQuery query)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT MIN(date_start), MAX(date_start) FROM incidents" + FilterSql.Where(query, cmd, Dialect);
        using var r = cmd.ExecuteReader();
        r.Read();
        DateOnly? Day(int i) => r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", Inv);
        return (Day(0), Day(1));
    }

    internal ImmutableArray<SourceReference> LoadSources(DbTransaction? tx, long id)
    {
        using var cmd = Command(tx, $"SELECT {SourceSelect("")} FROM incident_sources WHERE incident_id = @id ORDER BY ordinal", "id");
        cmd.Parameters["@id"].Value = id;
        using var r = cmd.ExecuteReader();
        var list = ImmutableArray.CreateBuilder<SourceReference>();
        while (r.Read())
            list.Add(ReadSource(r, 0));
        return list.ToImmutable();
    }

    internal Dictionary<long, ImmutableArray<SourceReference>> LoadSources(List<long> ids, DbTransaction? tx = null)
    {
        using var cmd = Connection.CreateCommand();
        cmd.Transaction = tx;
        var names = string.Join(", ", ids.Select(id => FilterSql.Param(cmd, id)));
        cmd.CommandText = $"SELECT incident_id, {SourceSelect("")} FROM incident_sources WHERE incident_id IN ({names}) ORDER BY incident_id, ordinal";
        using var r = cmd.ExecuteReader();
        var map = new Dictionary<long, ImmutableArray<SourceReference>.Builder>();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            if (!map.TryGetValue(id, out var list))
                map[id] = list = ImmutableArray.CreateBuilder<SourceReference>();
            list.Add(ReadSource(r, 1));
        }
        return map.ToDictionary(p => p.Key, p => p.Value.ToImmutable());
    }

    /// <summary>The source columns <see cref="ReadSource"/> reads (all of <see cref="IncidentWriter.SourceColumns"/> but the key), with a table prefix.</summary>
    private static string SourceSelect(string prefix) => string.Join(", ", IncidentWriter.SourceColumns.Skip(2).Select(c => prefix + c));

    private static readonly int SourceReadColumns = IncidentWriter.SourceColumns.Length - 2;

    private static SourceReference ReadSource(DbDataReader r, int c)
    {
        string? S(int i) => r.IsDBNull(c + i) ? null : r.GetString(c + i);
        int? N(int i) => r.IsDBNull(c + i) ? null : Convert.ToInt32(r.GetValue(c + i), Inv);
        CasualtyCount? Count(int at) => N(at) is null && N(at + 1) is null && N(at + 2) is null && S(at + 3) is null && S(at + 4) is null
            ? null
            : new CasualtyCount(N(at), N(at + 1), N(at + 2), S(at + 3), S(at + 4));
        var breakdown = new CasualtyBreakdown(N(18), N(19), N(20), N(21));
        return new SourceReference(S(0), S(1) is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", Inv) : null, S(2), S(3))
        {
            SourceKey = S(4),
            Kind = S(5) is { } kind ? EnumText<Domain.Sources.SourceType>.Parse(kind) : null,
            PartyClaim = N(6) is 1,
            Credibility = N(7),
            Killed = Count(8),
            Injured = Count(13),
            KilledBreakdown = breakdown.IsEmpty ? null : breakdown,
        };
    }
}
