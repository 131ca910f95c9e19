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

    /// <summary>The keys and audit store on this connection.</summary>
    public RelationalAccessStore AccessStore => _access ??= new RelationalAccessStore(this);

    private RelationalAccessStore? _access;

    public virtual IImportSession BeginImport(ImportRequest request) => new RelationalImportSession(this, request);

    public Incident? Find(long id, bool includeDeleted = false)
    {
        var found = ReadRow(null, id);
        if (found is null || (found.DeletedAt is not null && !includeDeleted))
            return null;
        return found with { Sources = LoadSources(null, id) };
    }

    /// <summary>An incident's row (without its sources, deleted or not), or null.</summary>
    internal Incident? ReadRow(DbTransaction? tx, long id)
    {
        using var cmd = Command(tx, $"SELECT {IncidentColumns.SelectList} FROM incidents WHERE id = @id", "id");
        cmd.Parameters["@id"].Value = id;
        using var r = cmd.ExecuteReader();
        return r.Read() ? IncidentColumns.Read(r) : null;
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

    /// <summary>The database's own integrity check: ["ok"] when sound, else its findings.</summary>
    public virtual IReadOnlyList<string> CheckIntegrity() =>
        throw new NotSupportedException($"{Dialect.Name} has no integrity check in Vigil");

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
