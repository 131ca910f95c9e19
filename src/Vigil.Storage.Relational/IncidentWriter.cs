using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// Prepared statements that write incidents, their sources and their revisions inside one transaction.
/// Statements are prepared once and re-bound per row: imports call these a million times.
/// <para>A creation is recorded in the incident's own row (created_at, created_by, created_import_id,
/// created_reason) rather than as a row of <c>revisions</c>: it is written once, with the incident, and
/// <see cref="RelationalIncidentStore.GetRevisions"/> reads it back as revision 1. Every later change is a
/// <c>revisions</c> row with each field's value before and after.</para>
/// </summary>
internal sealed class IncidentWriter : IDisposable
{
    /// <summary>The columns of an incident source row, in the order <see cref="SourceRow"/> gives them.</summary>
    public static readonly string[] SourceColumns =
        ["incident_id", "ordinal", "name", "published", "headline", "url", .. ProvenanceSchema.SourceFigureColumns.Select(c => c.Name)];
    private static readonly string[] RevisionColumns = ["incident_id", "number", "at", "author", "kind", "import_id", "changes", "reason"];
    private static readonly string[] UpdatedNames = [.. IncidentColumns.Written.Select(c => c.Name), "last_import_id"];
    /// <summary>The columns an insert writes (all but id): the incident's, then last_import_id and the creation's who, import and why.</summary>
    public static readonly string[] InsertedNames = [.. UpdatedNames, "created_by", "created_import_id", "created_reason"];

    private readonly IRowCommand _insert;
    private readonly IRowCommand _update;
    private readonly IRowCommand _insertSource;
    private readonly IRowCommand _deleteSources;
    private readonly IRowCommand _insertRevision;

    public IncidentWriter(DbConnection connection, DbTransaction transaction, ISqlDialect dialect)
    {
        IRowCommand Prepare(string sql, string[] parameters, bool returnsId = false) =>
            dialect.PrepareRowCommand(connection, transaction, sql, parameters, returnsId);

        _insert = Prepare(
            $"INSERT INTO incidents ({string.Join(", ", InsertedNames)}) VALUES ({string.Join(", ", InsertedNames.Select(n => "@" + n))})",
            InsertedNames, returnsId: true);
        _update = Prepare(
            $"UPDATE incidents SET {string.Join(", ", UpdatedNames.Select(n => $"{n} = @{n}"))} WHERE id = @id AND revision = @expected",
            [.. UpdatedNames, "id", "expected"]);
        _insertSource = Prepare(
            $"INSERT INTO incident_sources ({string.Join(", ", SourceColumns)}) VALUES ({string.Join(", ", SourceColumns.Select(n => "@" + n))})",
            SourceColumns);
        _deleteSources = Prepare("DELETE FROM incident_sources WHERE incident_id = @id", ["id"]);
        _insertRevision = Prepare(
            $"INSERT INTO revisions ({string.Join(", ", RevisionColumns)}) VALUES ({string.Join(", ", RevisionColumns.Select(n => "@" + n))})",
            RevisionColumns);
    }

    /// <summary>Inserts a new incident (revision 1, its creation recorded with it) and its sources; returns the new id.</summary>
    public long Insert(Incident incident, ChangeContext context, long? importId)
    {
        Bind(_insert, incident, importId);
        _insert.Set(UpdatedNames.Length, context.Author);
        _insert.Set(UpdatedNames.Length + 1, importId);
        _insert.Set(UpdatedNames.Length + 2, context.Reason);
        var id = _insert.ExecuteInsert();
        WriteSources(id, incident.Sources);
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
        _update.Set(UpdatedNames.Length, incident.Id);
        _update.Set(UpdatedNames.Length + 1, expectedRevision);
        if (_update.Execute() != 1)
            return false;
        if (sourcesChanged)
        {
            _deleteSources.Set(0, incident.Id);
            _deleteSources.Execute();
            WriteSources(incident.Id, incident.Sources);
        }
        _insertRevision.Set(0, incident.Id);
        _insertRevision.Set(1, incident.Revision);
        _insertRevision.Set(2, IncidentColumns.Stamp(incident.UpdatedAt));
        _insertRevision.Set(3, context.Author);
        _insertRevision.Set(4, EnumText<RevisionKind>.Format(kind));
        _insertRevision.Set(5, importId);
        _insertRevision.Set(6, changes.Count == 0 ? null : JsonSerializer.Serialize(changes, RevisionJson.Options));
        _insertRevision.Set(7, context.Reason);
        _insertRevision.Execute();
        return true;
    }

    private void WriteSources(long id, ImmutableArray<SourceReference> sources)
    {
        if (sources.IsDefaultOrEmpty)
            return;
        for (var i = 0; i < sources.Length; i++)
        {
            var row = SourceRow(id, i + 1, sources[i]);
            for (var c = 0; c < row.Length; c++)
                _insertSource.Set(c, row[c]);
            _insertSource.Execute();
        }
    }

    /// <summary>A source row's values, in <see cref="SourceColumns"/> order.</summary>
    public static object?[] SourceRow(long incidentId, int ordinal, SourceReference s) =>
        [incidentId, ordinal, s.Name, s.Published is { } d ? IncidentColumns.Day(d) : null, s.Headline, s.Url,
            s.SourceKey, s.Kind is { } k ? EnumText<Domain.Sources.SourceType>.Format(k) : null, s.PartyClaim ? 1 : 0, s.Credibility,
            s.Killed?.Low, s.Killed?.Best, s.Killed?.High, s.Killed?.Phrase, s.Killed?.Rule,
            s.Injured?.Low, s.Injured?.Best, s.Injured?.High, s.Injured?.Phrase, s.Injured?.Rule,
            s.KilledBreakdown?.SecurityForces, s.KilledBreakdown?.Civilians, s.KilledBreakdown?.Militants, s.KilledBreakdown?.Unknown];

    private static void Bind(IRowCommand cmd, Incident incident, long? importId)
    {
        var columns = IncidentColumns.Written;
        for (var i = 0; i < columns.Length; i++)
            cmd.Set(i, columns[i].Get(incident));
        cmd.Set(columns.Length, importId);
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
