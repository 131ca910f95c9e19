using System.Data.Common;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// Writes onto a rebuilt row what it was at the moment, one UPDATE per incident: its changed fields back on their own
/// columns (a statement prepared once for each set of columns: a release that changes the killed figure of many
/// incidents changes the same few columns of each), its revision number then (the one before its first later revision)
/// and that revision's time as its last change, and — if it was deleted or restored since — its deletion then.
/// </summary>
internal sealed class ColumnPatch(RelationalIncidentStore store, DbTransaction tx, string main) : IDisposable
{
    private readonly Dictionary<string, IRowCommand> _commands = new(StringComparer.Ordinal);
    private IRowCommand? _deletion;

    /// <summary>
    /// Writes the fields' texts before the change onto their columns, and the bookkeeping; false (nothing written) when
    /// a field cannot be put back on its own column, so the incident must be rebuilt whole.
    /// </summary>
    public bool TryApply(long id, PastChange change)
    {
        var columns = new List<string>(change.Before.Count + 2);
        var values = new List<object?>(change.Before.Count + 2);
        foreach (var (field, text) in change.Before.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (PastColumns.FromRevisions(field))
                continue;
            if (!PastColumns.IsColumnLevel(field) || !PastColumns.TryValue(field, text, out var value))
                return false;
            columns.Add(field);
            values.Add(value);
            // With no source giving figures of its own, the figure of all sources is the incident's own.
            if (PastColumns.AllSourcesMirror.TryGetValue(field, out var mirror))
            {
                columns.Add(mirror);
                values.Add(value);
            }
        }
        Write(id, change, columns, values);
        return true;
    }

    /// <summary>The bookkeeping alone, for an incident rebuilt whole (its row written with today's).</summary>
    public void Bookkeep(long id, PastChange change) => Write(id, change, [], []);

    private void Write(long id, PastChange change, List<string> columns, List<object?> values)
    {
        if (change.FirstNumber == 0)
            return;
        var key = string.Join(",", columns);
        if (!_commands.TryGetValue(key, out var command))
        {
            // Revision 1, the creation, is kept on the row itself, not in the revisions.
            var set = columns.Select((c, i) => $"{c} = @p{i}").Append("revision = @rev").Append("updated_at = COALESCE(@upd, created_at)");
            command = store.Dialect.PrepareRowCommand(store.Connection, tx,
                $"UPDATE asof_incidents SET {string.Join(", ", set)} WHERE id = @id",
                [.. columns.Select((_, i) => "p" + i), "rev", "upd", "id"], false);
            _commands[key] = command;
        }
        for (var i = 0; i < values.Count; i++)
            command.Set(i, values[i]);
        command.Set(values.Count, change.FirstNumber - 1);
        command.Set(values.Count + 1, change.UpdatedThen);
        command.Set(values.Count + 2, id);
        command.Execute();
        if (change.DeletionChanged)
            WriteDeletion(id, change.FirstNumber - 1);
    }

    /// <summary>Deleted then if its last deletion or restoration up to the moment was a deletion, at that time.</summary>
    private void WriteDeletion(long id, int revision)
    {
        var delete = EnumText<RevisionKind>.Format(RevisionKind.Delete);
        var restore = EnumText<RevisionKind>.Format(RevisionKind.Restore);
        _deletion ??= store.Dialect.PrepareRowCommand(store.Connection, tx, $"""
            UPDATE asof_incidents SET deleted_at = (
                SELECT CASE WHEN r.kind = '{delete}' THEN r.at END FROM {main}revisions r
                WHERE r.incident_id = @id AND r.number <= @rev AND r.kind IN ('{delete}', '{restore}') ORDER BY r.number DESC LIMIT 1)
            WHERE id = @id
            """, ["id", "rev"], false);
        _deletion.Set(0, id);
        _deletion.Set(1, revision);
        _deletion.Execute();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
            command.Dispose();
        _deletion?.Dispose();
    }
}
