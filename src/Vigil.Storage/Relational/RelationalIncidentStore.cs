using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// The store over any ADO.NET connection, in portable SQL. A back-end supplies the open connection and its
/// <see cref="ISqlDialect"/>. Not thread-safe: one instance per connection.
/// </summary>
public partial class RelationalIncidentStore : IIncidentStore
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="connection">An open connection.</param>
    /// <param name="dialect">The database's SQL differences.</param>
    /// <param name="clock">The clock for timestamps.</param>
    /// <param name="location">What to call the database in messages.</param>
    /// <param name="migrate">Bring the schema up to date (false when the caller knows this process already did).</param>
    public RelationalIncidentStore(DbConnection connection, ISqlDialect dialect, TimeProvider clock, string location, bool migrate = true)
    {
        Connection = connection;
        Dialect = dialect;
        Clock = clock;
        Location = location;
        SchemaVersion = migrate ? new Migrator(this).Migrate() : Schema.LatestVersion;
    }

    public DbConnection Connection { get; }
    public ISqlDialect Dialect { get; }
    public TimeProvider Clock { get; }
    public string Location { get; }
    public int SchemaVersion { get; }

    public virtual IImportSession BeginImport(ImportRequest request) => new RelationalImportSession(this, request);

    public Incident? Find(long id, bool includeDeleted = false)
    {
        Incident? found;
        using (var cmd = Command(null, $"SELECT {IncidentColumns.SelectList} FROM incidents WHERE id = @id", "id"))
        {
            cmd.Parameters["@id"].Value = id;
            using var r = cmd.ExecuteReader();
            if (!r.Read())
                return null;
            found = IncidentColumns.Read(r);
        }
        if (found.DeletedAt is not null && !includeDeleted)
            return null;
        return found with { Sources = LoadSources(null, id) };
    }

    public IReadOnlyList<Revision> GetRevisions(long id)
    {
        var list = new List<Revision>();
        using (var cmd = Command(null, "SELECT created_at, created_by, created_import_id, created_reason FROM incidents WHERE id = @id", "id"))
        {
            cmd.Parameters["@id"].Value = id;
            using var r = cmd.ExecuteReader();
            if (!r.Read())
                return list;
            list.Add(new Revision(id, 1, IncidentColumns.ParseStamp(r.GetString(0)), r.GetString(1), RevisionKind.Create,
                r.IsDBNull(2) ? null : r.GetInt64(2), [], r.IsDBNull(3) ? null : r.GetString(3)));
        }
        using (var cmd = Command(null,
            "SELECT number, at, author, kind, import_id, changes, reason FROM revisions WHERE incident_id = @id ORDER BY number", "id"))
        {
            cmd.Parameters["@id"].Value = id;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var changes = r.IsDBNull(5)
                    ? []
                    : JsonSerializer.Deserialize<FieldChange[]>(r.GetString(5), RevisionJson.Options) ?? [];
                list.Add(new Revision(id, r.GetInt32(0), IncidentColumns.ParseStamp(r.GetString(1)), r.GetString(2),
                    EnumText<RevisionKind>.Parse(r.GetString(3)), r.IsDBNull(4) ? null : r.GetInt64(4), changes,
                    r.IsDBNull(6) ? null : r.GetString(6)));
            }
        }
        return list;
    }

    public IEnumerable<Incident> Query(IncidentQuery query, bool includeSources = false) =>
        includeSources && !Dialect.InterleavedReaders ? QueryJoined(query) : QueryBatched(query, includeSources);

    /// <summary>Incidents with their sources in one query (for databases that allow one open reader at a time).</summary>
    private IEnumerable<Incident> QueryJoined(IncidentQuery query)
    {
        using var cmd = Connection.CreateCommand();
        var where = FilterSql.Where(query, cmd);
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
        var where = FilterSql.Where(query, cmd);
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
        cmd.CommandText = query.After is null && FilterSql.RollupWhere(query, GroupBy.None, cmd) is { } rollup
            ? "SELECT COALESCE(SUM(incidents), 0) FROM monthly_rollup" + rollup
            : "SELECT COUNT(*) FROM incidents" + FilterSql.Where(query, cmd);
        return Convert.ToInt64(cmd.ExecuteScalar(), Inv);
    }

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
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy)),
    };

    public IReadOnlyList<AggregateRow> Aggregate(IncidentQuery query, GroupBy groupBy)
    {
        var key = KeyOf(groupBy);
        using var cmd = Connection.CreateCommand();
        var where = FilterSql.Where(query, cmd);
        cmd.CommandText = $"""
            SELECT {key} AS k, COUNT(*),
                   COALESCE(SUM(killed_best), 0), SUM(CASE WHEN killed_best IS NULL THEN 1 ELSE 0 END),
                   COALESCE(SUM(injured_best), 0), SUM(CASE WHEN injured_best IS NULL THEN 1 ELSE 0 END)
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
        var where = FilterSql.Where(query, cmd);
        cmd.CommandText = $"""
            SELECT date_start, {key}, COUNT(*),
                   COALESCE(SUM(COALESCE(killed_low, killed_best)), 0), COALESCE(SUM(killed_best), 0),
                   COALESCE(SUM(COALESCE(killed_high, killed_best)), 0), SUM(CASE WHEN killed_best IS NULL THEN 1 ELSE 0 END),
                   COALESCE(SUM(COALESCE(injured_low, injured_best)), 0), COALESCE(SUM(injured_best), 0),
                   COALESCE(SUM(COALESCE(injured_high, injured_best)), 0), SUM(CASE WHEN injured_best IS NULL THEN 1 ELSE 0 END)
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

    public IReadOnlyList<DailyAggregate> AggregateMonthly(IncidentQuery query, GroupBy breakdown)
    {
        if (breakdown is GroupBy.Month or GroupBy.Year)
            throw new ArgumentException("a period is not a breakdown", nameof(breakdown));
        using var cmd = Connection.CreateCommand();
        string sql;
        if (FilterSql.RollupWhere(query, breakdown, cmd) is { } where)
        {
            var key = breakdown switch
            {
                GroupBy.None => "NULL",
                GroupBy.Province => "admin1",
                GroupBy.Perpetrator => "perpetrator",
                GroupBy.EventType => "event_type",
                GroupBy.TargetType => "target_type",
                GroupBy.Dataset => "dataset",
                _ => "country",
            };
            sql = $"""
                SELECT month, {key}, SUM(incidents), SUM(killed_low), SUM(killed_best), SUM(killed_high), SUM(killed_unknown),
                       SUM(injured_low), SUM(injured_best), SUM(injured_high), SUM(injured_unknown)
                FROM monthly_rollup{where}
                GROUP BY month{(breakdown == GroupBy.None ? "" : ", " + key)}
                """;
        }
        else
        {
            var key = KeyOf(breakdown);
            sql = $"""
                SELECT substr(date_start, 1, 7), {key}, COUNT(*),
                       COALESCE(SUM(COALESCE(killed_low, killed_best)), 0), COALESCE(SUM(killed_best), 0),
                       COALESCE(SUM(COALESCE(killed_high, killed_best)), 0), SUM(CASE WHEN killed_best IS NULL THEN 1 ELSE 0 END),
                       COALESCE(SUM(COALESCE(injured_low, injured_best)), 0), COALESCE(SUM(injured_best), 0),
                       COALESCE(SUM(COALESCE(injured_high, injured_best)), 0), SUM(CASE WHEN injured_best IS NULL THEN 1 ELSE 0 END)
                FROM incidents{FilterSql.Where(query, cmd)}
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

    public IReadOnlyList<long> QueryIds(IncidentQuery query)
    {
        using var cmd = Connection.CreateCommand();
        var where = FilterSql.Where(query, cmd);
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
        cmd.CommandText = "SELECT MIN(date_start), MAX(date_start) FROM incidents" + FilterSql.Where(query, cmd);
        using var r = cmd.ExecuteReader();
        r.Read();
        DateOnly? Day(int i) => r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", Inv);
        return (Day(0), Day(1));
    }

    public Incident Create(Incident incident, ChangeContext context)
    {
        using var tx = Connection.BeginTransaction();
        var created = Create(tx, incident, context);
        tx.Commit();
        return created;
    }

    /// <summary>Creates an incident inside the caller's transaction (which the caller commits), for changes that must land together.</summary>
    public Incident Create(DbTransaction tx, Incident incident, ChangeContext context)
    {
        var now = Clock.GetUtcNow();
        using var writer = new IncidentWriter(Connection, tx, Dialect);
        var created = incident with { Id = 0, Revision = 1, CreatedAt = now, UpdatedAt = now, DeletedAt = null };
        long id;
        try
        {
            id = writer.Insert(created, context, null);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            throw new VigilException($"an incident from {incident.SourceRecord} already exists");
        }
        var rollup = new MonthlyRollup();
        rollup.Add(created);
        rollup.Flush(Connection, tx, Dialect);
        BumpDataVersion(tx);
        return created with { Id = id };
    }

    public Incident Update(Incident incident, int expectedRevision, ChangeContext context) =>
        Change(incident.Id, expectedRevision, context, current => incident with
        {
            Id = current.Id,
            CreatedAt = current.CreatedAt,
            DeletedAt = current.DeletedAt,
        }, RevisionKind.Update);

    public void Delete(long id, int expectedRevision, ChangeContext context) =>
        Change(id, expectedRevision, context, current => current with { DeletedAt = Clock.GetUtcNow() }, RevisionKind.Delete);

    /// <summary>Updates an incident inside the caller's transaction: <paramref name="apply"/> gets the current incident (with its sources).</summary>
    public Incident Update(DbTransaction tx, long id, ChangeContext context, Func<Incident, Incident> apply) =>
        Change(tx, id, null, context, current => apply(current) with { Id = current.Id, CreatedAt = current.CreatedAt, DeletedAt = current.DeletedAt }, RevisionKind.Update);

    /// <summary>Soft-deletes an incident (with a revision) inside the caller's transaction; false if it is already deleted.</summary>
    public bool Delete(DbTransaction tx, long id, ChangeContext context)
    {
        if (Find(tx, id) is not { DeletedAt: null })
            return false;
        Change(tx, id, null, context, current => current with { DeletedAt = Clock.GetUtcNow() }, RevisionKind.Delete);
        return true;
    }

    private Incident? Find(DbTransaction tx, long id)
    {
        using var cmd = Command(tx, $"SELECT {IncidentColumns.SelectList} FROM incidents WHERE id = @id", "id");
        cmd.Parameters["@id"].Value = id;
        using var r = cmd.ExecuteReader();
        return r.Read() ? IncidentColumns.Read(r) : null;
    }

    private Incident Change(long id, int expectedRevision, ChangeContext context, Func<Incident, Incident> apply, RevisionKind kind)
    {
        using var tx = Connection.BeginTransaction();
        var next = Change(tx, id, expectedRevision, context, apply, kind);
        tx.Commit();
        return next;
    }

    private Incident Change(DbTransaction tx, long id, int? expectedRevisionOrCurrent, ChangeContext context, Func<Incident, Incident> apply, RevisionKind kind)
    {
        Incident current;
        using (var cmd = Command(tx, $"SELECT {IncidentColumns.SelectList} FROM incidents WHERE id = @id", "id"))
        {
            cmd.Parameters["@id"].Value = id;
            using var r = cmd.ExecuteReader();
            if (!r.Read())
                throw new NotFoundException($"incident {id}");
            current = IncidentColumns.Read(r);
        }
        current = current with { Sources = LoadSources(tx, id) };
        if (current.DeletedAt is not null)
            throw new NotFoundException($"incident {id} (it was deleted)");
        var expectedRevision = expectedRevisionOrCurrent ?? current.Revision;
        if (current.Revision != expectedRevision)
            throw new ConcurrencyException(id, expectedRevision, current.Revision);

        var next = apply(current) with { Revision = current.Revision + 1, UpdatedAt = Clock.GetUtcNow() };
        var changes = IncidentFields.Diff(current, next);
        if (kind == RevisionKind.Update && changes.Count == 0)
            return current;
        if (kind == RevisionKind.Delete)
            changes = [new FieldChange("deleted_at", null, IncidentColumns.Stamp(next.DeletedAt!.Value))];

        using var writer = new IncidentWriter(Connection, tx, Dialect);
        if (!writer.Update(next, expectedRevision, kind, changes, context, null, changes.Any(c => c.Field == "sources")))
            throw new ConcurrencyException(id, expectedRevision, expectedRevision + 1);
        var rollup = new MonthlyRollup();
        rollup.Remove(current);
        rollup.Add(next);
        rollup.Flush(Connection, tx, Dialect);
        BumpDataVersion(tx);
        return next;
    }

    public IReadOnlyList<ImportRecord> GetImports()
    {
        using var cmd = Command(null,
            "SELECT id, dataset, file_name, file_sha256, format, author, started_at, finished_at, created, updated, unchanged, skipped_deleted, rejected FROM imports ORDER BY id");
        using var r = cmd.ExecuteReader();
        var list = new List<ImportRecord>();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            list.Add(new ImportRecord(id, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                IncidentColumns.ParseStamp(r.GetString(6)), r.IsDBNull(7) ? null : IncidentColumns.ParseStamp(r.GetString(7)),
                new ImportSummary(id, r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12))));
        }
        return list;
    }

    public StoreInfo GetInfo()
    {
        var datasets = new List<DatasetCount>();
        using (var cmd = Command(null,
            "SELECT COALESCE(dataset, '(entered by hand)'), COUNT(*) FROM incidents WHERE deleted_at IS NULL GROUP BY dataset ORDER BY 1"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                datasets.Add(new DatasetCount(r.GetString(0), r.GetInt64(1)));
        }
        string? first = null, last = null;
        using (var cmd = Command(null, "SELECT MIN(date_start), MAX(date_start) FROM incidents WHERE deleted_at IS NULL"))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                first = r.IsDBNull(0) ? null : r.GetString(0);
                last = r.IsDBNull(1) ? null : r.GetString(1);
            }
        }
        return new StoreInfo(
            Dialect.Name, Location, SchemaVersion,
            ScalarLong(null, "SELECT COUNT(*) FROM incidents WHERE deleted_at IS NULL"),
            ScalarLong(null, "SELECT COUNT(*) FROM incidents WHERE deleted_at IS NOT NULL"),
            ScalarLong(null, "SELECT COUNT(*) FROM incidents") + ScalarLong(null, "SELECT COUNT(*) FROM revisions"),
            ScalarLong(null, "SELECT COUNT(*) FROM incident_sources"),
            ScalarLong(null, "SELECT COUNT(*) FROM imports"),
            first is null ? null : DateOnly.ParseExact(first, "yyyy-MM-dd", Inv),
            last is null ? null : DateOnly.ParseExact(last, "yyyy-MM-dd", Inv),
            datasets);
    }

    public long DataVersion() => ScalarLong(null, "SELECT value FROM store_meta WHERE key = 'data_version'");

    /// <summary>Marks the data changed, inside the writing transaction (caches compare this number).</summary>
    internal void BumpDataVersion(DbTransaction tx) => Execute(tx, "UPDATE store_meta SET value = value + 1 WHERE key = 'data_version'");

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

    internal long InsertImport(DbTransaction tx, ImportRequest request, DateTimeOffset now)
    {
        using var cmd = Command(tx,
            "INSERT INTO imports (dataset, file_name, file_sha256, format, author, started_at) VALUES (@dataset, @file, '', @format, @author, @at) RETURNING id",
            "dataset", "file", "format", "author", "at");
        cmd.Parameters["@dataset"].Value = request.Dataset;
        cmd.Parameters["@file"].Value = request.FileName;
        cmd.Parameters["@format"].Value = request.Format;
        cmd.Parameters["@author"].Value = request.Author;
        cmd.Parameters["@at"].Value = IncidentColumns.Stamp(now);
        return Convert.ToInt64(cmd.ExecuteScalar(), Inv);
    }

    internal void FinishImport(DbTransaction tx, ImportSummary summary, string sha256, DateTimeOffset now)
    {
        using var cmd = Command(tx,
            "UPDATE imports SET finished_at = @at, file_sha256 = @sha, created = @c, updated = @u, unchanged = @n, skipped_deleted = @s, rejected = @r WHERE id = @id",
            "at", "sha", "c", "u", "n", "s", "r", "id");
        cmd.Parameters["@sha"].Value = sha256;
        cmd.Parameters["@at"].Value = IncidentColumns.Stamp(now);
        cmd.Parameters["@c"].Value = summary.Created;
        cmd.Parameters["@u"].Value = summary.Updated;
        cmd.Parameters["@n"].Value = summary.Unchanged;
        cmd.Parameters["@s"].Value = summary.SkippedDeleted;
        cmd.Parameters["@r"].Value = summary.Rejected;
        cmd.Parameters["@id"].Value = summary.ImportId;
        cmd.ExecuteNonQuery();
    }

    public DbCommand Command(DbTransaction? tx, string sql, params string[] parameters) =>
        Commands.Create(Connection, tx, sql, parameters);

    public long ScalarLong(DbTransaction? tx, string sql, params object[] args)
    {
        using var cmd = Command(tx, sql);
        for (var i = 0; i < args.Length; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i.ToString(Inv);
            p.Value = args[i];
            cmd.Parameters.Add(p);
        }
        return Convert.ToInt64(cmd.ExecuteScalar(), Inv);
    }

    public void Execute(DbTransaction? tx, string sql)
    {
        using var cmd = Command(tx, sql);
        cmd.ExecuteNonQuery();
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Connection.Dispose();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
