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
        // The outer ORDER BY repeats the inner one on the sub-query's columns (no source column shares their names).
        var order = FilterSql.OrderAndPage(query with { Limit = null, Offset = 0 }, cmd);
        cmd.CommandText = $"SELECT i.*, s.ordinal, s.name, s.published, s.headline, s.url FROM ({inner}) i "
            + $"LEFT JOIN incident_sources s ON s.incident_id = i.id{order}, s.ordinal";
        using var r = cmd.ExecuteReader();
        var ordinalColumn = r.FieldCount - 5;
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
        using var cmd = Command(tx, "SELECT name, published, headline, url FROM incident_sources WHERE incident_id = @id ORDER BY ordinal", "id");
        cmd.Parameters["@id"].Value = id;
        using var r = cmd.ExecuteReader();
        var list = ImmutableArray.CreateBuilder<SourceReference>();
        while (r.Read())
            list.Add(ReadSource(r, 0));
        return list.ToImmutable();
    }

    private Dictionary<long, ImmutableArray<SourceReference>> LoadSources(List<long> ids)
    {
        using var cmd = Connection.CreateCommand();
        var names = string.Join(", ", ids.Select(id => FilterSql.Param(cmd, id)));
        cmd.CommandText = $"SELECT incident_id, name, published, headline, url FROM incident_sources WHERE incident_id IN ({names}) ORDER BY incident_id, ordinal";
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

    private static SourceReference ReadSource(DbDataReader r, int c) => new(
        r.IsDBNull(c) ? null : r.GetString(c),
        r.IsDBNull(c + 1) ? null : DateOnly.ParseExact(r.GetString(c + 1), "yyyy-MM-dd", Inv),
        r.IsDBNull(c + 2) ? null : r.GetString(c + 2),
        r.IsDBNull(c + 3) ? null : r.GetString(c + 3));
}
