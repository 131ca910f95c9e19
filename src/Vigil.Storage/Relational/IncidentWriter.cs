using System.Data;
using System.Data.Common;
using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// Prepared statements that write incidents, their sources and their revisions inside one transaction.
/// Commands are built once and re-bound per row: imports call these a million times.
/// </summary>
internal sealed class IncidentWriter : IDisposable
{
    private static readonly string[] SourceColumns = ["incident_id", "ordinal", "name", "published", "headline", "url"];
    private static readonly string[] RevisionColumns = ["incident_id", "number", "at", "author", "kind", "import_id", "changes", "reason"];

    private readonly DbCommand _insert;
    private readonly DbCommand _update;
    private readonly DbCommand _insertSource;
    private readonly DbCommand _deleteSources;
    private readonly DbCommand _insertRevision;

    public IncidentWriter(DbConnection connection, DbTransaction transaction)
    {
        var names = IncidentColumns.Written.Select(c => c.Name).Append("last_import_id").ToArray();
        _insert = Command(connection, transaction,
            $"INSERT INTO incidents ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "@" + n))}) RETURNING id",
            names);
        _update = Command(connection, transaction,
            $"UPDATE incidents SET {string.Join(", ", names.Select(n => $"{n} = @{n}"))} WHERE id = @id AND revision = @expected",
            [.. names, "id", "expected"]);
        _insertSource = Command(connection, transaction,
            $"INSERT INTO incident_sources ({string.Join(", ", SourceColumns)}) VALUES ({string.Join(", ", SourceColumns.Select(n => "@" + n))})",
            SourceColumns);
        _deleteSources = Command(connection, transaction, "DELETE FROM incident_sources WHERE incident_id = @id", ["id"]);
        _insertRevision = Command(connection, transaction,
            $"INSERT INTO revisions ({string.Join(", ", RevisionColumns)}) VALUES ({string.Join(", ", RevisionColumns.Select(n => "@" + n))})",
            RevisionColumns);
    }

    /// <summary>Inserts a new incident with its sources and its creation revision; returns the new id.</summary>
    public long Insert(Incident incident, ChangeContext context, long? importId)
    {
        Bind(_insert, incident, importId);
        var id = Convert.ToInt64(_insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        WriteSources(id, incident.Sources);
        WriteRevision(id, incident.Revision, incident.CreatedAt, context, RevisionKind.Create, importId, []);
        return id;
    }

    /// <summary>
    /// Overwrites an incident that is still at <paramref name="expectedRevision"/> and records the change.
    /// Returns false when the row was not at that revision (nothing written).
    /// </summary>
    public bool Update(Incident incident, int expectedRevision, RevisionKind kind, IReadOnlyList<FieldChange> changes,
        ChangeContext context, long? importId, bool sourcesChanged)
    {
        Bind(_update, incident, importId);
        _update.Parameters["@id"].Value = incident.Id;
        _update.Parameters["@expected"].Value = expectedRevision;
        if (_update.ExecuteNonQuery() != 1)
            return false;
        if (sourcesChanged)
        {
            _deleteSources.Parameters["@id"].Value = incident.Id;
            _deleteSources.ExecuteNonQuery();
            WriteSources(incident.Id, incident.Sources);
        }
        WriteRevision(incident.Id, incident.Revision, incident.UpdatedAt, context, kind, importId, changes);
        return true;
    }

    private void WriteSources(long id, System.Collections.Immutable.ImmutableArray<SourceReference> sources)
    {
        if (sources.IsDefaultOrEmpty)
            return;
        var p = _insertSource.Parameters;
        for (var i = 0; i < sources.Length; i++)
        {
            var s = sources[i];
            p["@incident_id"].Value = id;
            p["@ordinal"].Value = i + 1;
            p["@name"].Value = (object?)s.Name ?? DBNull.Value;
            p["@published"].Value = s.Published is { } d ? IncidentColumns.Day(d) : DBNull.Value;
            p["@headline"].Value = (object?)s.Headline ?? DBNull.Value;
            p["@url"].Value = (object?)s.Url ?? DBNull.Value;
            _insertSource.ExecuteNonQuery();
        }
    }

    private void WriteRevision(long id, int number, DateTimeOffset at, ChangeContext context, RevisionKind kind,
        long? importId, IReadOnlyList<FieldChange> changes)
    {
        var p = _insertRevision.Parameters;
        p["@incident_id"].Value = id;
        p["@number"].Value = number;
        p["@at"].Value = IncidentColumns.Stamp(at);
        p["@author"].Value = context.Author;
        p["@kind"].Value = EnumText<RevisionKind>.Format(kind);
        p["@import_id"].Value = (object?)importId ?? DBNull.Value;
        p["@changes"].Value = changes.Count == 0 ? DBNull.Value : JsonSerializer.Serialize(changes, RevisionJson.Options);
        p["@reason"].Value = (object?)context.Reason ?? DBNull.Value;
        _insertRevision.ExecuteNonQuery();
    }

    private static void Bind(DbCommand cmd, Incident incident, long? importId)
    {
        var p = cmd.Parameters;
        var columns = IncidentColumns.Written;
        for (var i = 0; i < columns.Length; i++)
            p[i].Value = columns[i].Get(incident) ?? DBNull.Value;
        p[columns.Length].Value = (object?)importId ?? DBNull.Value;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, string[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = DBNull.Value;
            cmd.Parameters.Add(p);
        }
        cmd.Prepare();
        return cmd;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _insertSource.Dispose();
        _deleteSources.Dispose();
        _insertRevision.Dispose();
    }
}

internal static class RevisionJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
