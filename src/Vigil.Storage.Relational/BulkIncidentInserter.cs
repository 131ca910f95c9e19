using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;

namespace Vigil.Storage.Relational;

/// <summary>
/// New incidents of an import into an empty dataset, loaded through the dialect's <see cref="IBulkLoader"/>
/// in batches: ids are reserved from the table's generator, then the incidents and their sources are copied.
/// A record repeated in the file is caught here (the rows are not in the table yet when the next arrives),
/// so the import fails with the record's id exactly as the row-by-row path does.
/// </summary>
internal sealed class BulkIncidentInserter(RelationalIncidentStore store, System.Data.Common.DbTransaction transaction, IBulkLoader loader)
{
    private const int BatchSize = 10_000;
    private static readonly string[] IncidentColumnNames = ["id", .. IncidentWriter.InsertedNames];

    private readonly List<(Incident Incident, ChangeContext Context, long ImportId)> _pending = new(BatchSize);
    private readonly HashSet<(string Dataset, string RecordId)> _seen = [];

    public void Add(Incident incident, SourceRecordKey key, ChangeContext context, long importId)
    {
        if (!_seen.Add((key.Dataset, key.RecordId)))
            throw new DuplicateRecordException(key.RecordId);
        _pending.Add((incident, context, importId));
        if (_pending.Count == BatchSize)
            Flush();
    }

    public void Flush()
    {
        if (_pending.Count == 0)
            return;
        var ids = loader.ReserveIds(store.Connection, transaction, "incidents", _pending.Count);
        var incidents = new List<object?[]>(_pending.Count);
        var sources = new List<object?[]>();
        var written = IncidentColumns.Written;
        for (var n = 0; n < _pending.Count; n++)
        {
            var (incident, context, importId) = _pending[n];
            var row = new object?[IncidentColumnNames.Length];
            row[0] = ids[n];
            for (var c = 0; c < written.Length; c++)
                row[c + 1] = written[c].Get(incident);
            // The rest in IncidentWriter.InsertedNames order: last import, created by, created import, created reason.
            row[written.Length + 1] = importId;
            row[written.Length + 2] = context.Author;
            row[written.Length + 3] = importId;
            row[written.Length + 4] = context.Reason;
            incidents.Add(row);
            if (incident.Sources.IsDefaultOrEmpty)
                continue;
            for (var s = 0; s < incident.Sources.Length; s++)
                sources.Add(IncidentWriter.SourceRow(ids[n], s + 1, incident.Sources[s]));
        }
        loader.Copy(store.Connection, transaction, "incidents", IncidentColumnNames, incidents);
        if (sources.Count > 0)
            loader.Copy(store.Connection, transaction, "incident_sources", IncidentWriter.SourceColumns, sources);
        _pending.Clear();
    }
}
