using System.Data.Common;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;

namespace Vigil.Storage.Relational;

/// <summary>
/// An import inside one database transaction. When the dataset has no incidents yet every record is a
/// plain insert (the unique index on dataset + source id still catches a record repeated in the file);
/// otherwise each record is looked up and either inserted, updated with a revision, or left alone.
/// </summary>
internal sealed class RelationalImportSession : IImportSession
{
    private readonly RelationalIncidentStore _store;
    private readonly DbTransaction _transaction;
    private readonly IncidentWriter _writer;
    private readonly SourceLookup _sources;
    private readonly DbCommand _findBySource;
    private readonly DbCommand _rememberSeen;
    private readonly ChangeContext _context;
    private readonly long _importId;
    private readonly Dictionary<string, bool> _datasetWasEmpty = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _now;
    private readonly bool _deferIndexes;
    private readonly MonthlyRollup _rollup = new();
    private readonly BulkIncidentInserter? _bulk;
    private readonly Action? _restoreChecks;
    private long _created, _updated, _unchanged, _skippedDeleted;
    private bool _done;

    public RelationalImportSession(RelationalIncidentStore store, ImportRequest request)
    {
        _store = store;
        _now = store.Clock.GetUtcNow();
        _transaction = store.Connection.BeginTransaction();
        try
        {
            _importId = store.InsertImport(_transaction, request, _now);
            // Into an empty table, loading first and indexing after is much faster than indexing row by row;
            // the drop is part of the transaction, so a failed import leaves the indexes as they were.
            _deferIndexes = store.ScalarLong(_transaction, "SELECT COUNT(*) FROM incidents") == 0;
            if (_deferIndexes)
            {
                foreach (var index in Schema.SecondaryIndexes)
                    store.Execute(_transaction, index.DropSql);
                // The full-text index likewise: built once over every row at commit, not rewritten per row and per source.
                store.Execute(_transaction, store.Dialect.Search.SuspendSql);
            }
            _writer = new IncidentWriter(store.Connection, _transaction, store.Dialect);
            _sources = SourceLookup.Load(store.Connection, _transaction);
            if (store.Dialect.BulkLoader is { } loader)
            {
                _bulk = new BulkIncidentInserter(store, _transaction, loader);
                if (_deferIndexes)
                    _restoreChecks = loader.RelaxChecksForEmptyLoad(store.Connection, _transaction);
            }
            _findBySource = store.Command(_transaction,
                $"SELECT {IncidentColumns.SelectList}, last_import_id FROM incidents WHERE dataset = @dataset AND source_id = @source_id",
                "dataset", "source_id");
            store.Execute(_transaction, "CREATE TEMP TABLE IF NOT EXISTS import_seen (dataset TEXT NOT NULL, source_id TEXT NOT NULL, PRIMARY KEY (dataset, source_id))");
            store.Execute(_transaction, "DELETE FROM import_seen");
            _rememberSeen = store.Command(_transaction, "INSERT INTO import_seen (dataset, source_id) VALUES (@dataset, @source_id)", "dataset", "source_id");
            // The reason of an imported change is the import itself (the imports row names the file).
            _context = new ChangeContext(request.Author);
        }
        catch
        {
            _transaction.Dispose();
            throw;
        }
    }

    public UpsertOutcome Upsert(Incident incident)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        var key = incident.SourceRecord ?? throw new ArgumentException("an imported incident needs a source record key", nameof(incident));

        if (!_datasetWasEmpty.TryGetValue(key.Dataset, out var wasEmpty))
        {
            // Asked before this import writes to the dataset, so the answer is about what was there before.
            wasEmpty = _store.ScalarLong(_transaction, "SELECT COUNT(*) FROM incidents WHERE dataset = @p0", key.Dataset) == 0;
            _datasetWasEmpty[key.Dataset] = wasEmpty;
        }
        if (wasEmpty)
            return InsertNew(_sources.Prepare(incident), key, fast: true);

        var existing = Find(key);
        if (existing is null)
            return InsertNew(_sources.Prepare(incident), key, fast: false);
        // An analyst's grade stands through a re-import, as a figure of the dataset's would not.
        incident = _sources.Prepare(incident with { GradeOverride = existing.GradeOverride, GradeReason = existing.GradeReason });

        Remember(key);
        if (existing.DeletedAt is not null)
        {
            _skippedDeleted++;
            return UpsertOutcome.SkippedDeleted;
        }

        var changes = IncidentFields.Diff(existing, incident);
        if (changes.Count == 0)
        {
            _unchanged++;
            return UpsertOutcome.Unchanged;
        }

        var updated = incident with
        {
            Id = existing.Id,
            Revision = existing.Revision + 1,
            CreatedAt = existing.CreatedAt,
            UpdatedAt = _now,
        };
        var sourcesChanged = changes.Any(c => c.Field == "sources");
        if (!_writer.Update(updated, existing.Revision, RevisionKind.Update, changes, _context, _importId, sourcesChanged))
            throw new InvalidOperationException($"incident {existing.Id} changed during the import");
        _rollup.Remove(existing);
        _rollup.Add(updated);
        _updated++;
        return UpsertOutcome.Updated;
    }

    private UpsertOutcome InsertNew(Incident incident, SourceRecordKey key, bool fast)
    {
        if (!fast)
            Remember(key);
        if (fast && _bulk is not null)
        {
            _bulk.Add(incident with { Id = 0, Revision = 1, CreatedAt = _now, UpdatedAt = _now, DeletedAt = null }, key, _context, _importId);
            if (!_deferIndexes)
                _rollup.Add(incident); // into an empty table the rollup is rebuilt in one aggregate at commit
            _created++;
            return UpsertOutcome.Created;
        }
        try
        {
            _writer.Insert(incident with { Id = 0, Revision = 1, CreatedAt = _now, UpdatedAt = _now, DeletedAt = null }, _context, _importId);
        }
        catch (DbException e) when (_store.Dialect.IsUniqueViolation(e))
        {
            throw new DuplicateRecordException(key.RecordId);
        }
        _rollup.Add(incident);
        _created++;
        return UpsertOutcome.Created;
    }

    private void Remember(SourceRecordKey key)
    {
        _rememberSeen.Parameters["@dataset"].Value = key.Dataset;
        _rememberSeen.Parameters["@source_id"].Value = key.RecordId;
        try
        {
            _rememberSeen.ExecuteNonQuery();
        }
        catch (DbException e) when (_store.Dialect.IsUniqueViolation(e))
        {
            throw new DuplicateRecordException(key.RecordId);
        }
    }

    private Incident? Find(SourceRecordKey key)
    {
        _findBySource.Parameters["@dataset"].Value = key.Dataset;
        _findBySource.Parameters["@source_id"].Value = key.RecordId;
        Incident? found;
        using (var r = _findBySource.ExecuteReader())
        {
            if (!r.Read())
                return null;
            found = IncidentColumns.Read(r);
        }
        return found with { Sources = _store.LoadSources(_transaction, found.Id) };
    }

    public IReadOnlyList<string> Withdraw(string dataset, DateOnly from, DateOnly to, string reason)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        // A dataset that was empty before this import holds only what it wrote: nothing to withdraw (and its rows,
        // loaded in bulk, are not in import_seen).
        if (!_datasetWasEmpty.TryGetValue(dataset, out var wasEmpty) || wasEmpty)
            return [];
        return WithdrawWhere(
            "dataset = @p0 AND deleted_at IS NULL AND date_start >= @p1 AND date_start <= @p2 "
            + "AND NOT EXISTS (SELECT 1 FROM import_seen s WHERE s.dataset = incidents.dataset AND s.source_id = incidents.source_id)",
            reason, dataset, IncidentColumns.Day(from), IncidentColumns.Day(to));
    }

    public IReadOnlyList<string> Supersede(string provisional, string final, string reason)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        return WithdrawWhere(
            "dataset = @p0 AND deleted_at IS NULL AND EXISTS (SELECT 1 FROM incidents f WHERE f.dataset = @p1 "
            + "AND f.source_id = incidents.source_id AND f.deleted_at IS NULL)",
            reason, provisional, final);
    }

    private List<string> WithdrawWhere(string condition, string reason, params object[] values)
    {
        // Rows still buffered for a bulk load are written first, so that the query sees everything this import carries.
        _bulk?.Flush();
        var found = new List<(long Id, string SourceId)>();
        using (var select = _store.Command(_transaction, $"SELECT id, source_id FROM incidents WHERE {condition} ORDER BY id",
            [.. values.Select((_, i) => $"p{i}")]))
        {
            for (var i = 0; i < values.Length; i++)
                select.Parameters[$"@p{i}"].Value = values[i];
            using var r = select.ExecuteReader();
            while (r.Read())
                found.Add((r.GetInt64(0), r.GetString(1)));
        }
        var context = _context with { Reason = reason };
        foreach (var (id, _) in found)
            _store.Delete(_transaction, id, context);
        return [.. found.Select(f => f.SourceId)];
    }

    public ImportSummary Commit(long rowsRejected, string fileSha256)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        var summary = new ImportSummary(_importId, _created, _updated, _unchanged, _skippedDeleted, rowsRejected);
        _bulk?.Flush();
        _restoreChecks?.Invoke();
        if (_deferIndexes)
        {
            foreach (var index in Schema.SecondaryIndexes)
                _store.Execute(_transaction, index.CreateSql);
            _store.Execute(_transaction, _store.Dialect.Search.ResumeSql);
        }
        if (_bulk is not null && _deferIndexes)
        {
            // The table was empty: one aggregate over the loaded rows builds the rollup, where upserting
            // tens of thousands of keys one statement at a time would cost a round trip each.
            _store.Execute(_transaction, "DELETE FROM monthly_rollup");
            _store.Execute(_transaction, MonthlyRollup.RebuildSql());
        }
        else
        {
            _rollup.Flush(_store.Connection, _transaction, _store.Dialect);
        }
        _store.BumpDataVersion(_transaction);
        _store.FinishImport(_transaction, summary, fileSha256, _store.Clock.GetUtcNow());
        _transaction.Commit();
        _done = true;
        return summary;
    }

    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            _transaction.Rollback();
        }
        _writer.Dispose();
        _findBySource.Dispose();
        _rememberSeen.Dispose();
        _transaction.Dispose();
    }
}
