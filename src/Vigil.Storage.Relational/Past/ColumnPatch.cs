using System.Data.Common;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// Puts an incident's changed fields back on their own columns of the rebuilt row: one UPDATE of just those columns, a
/// statement prepared once for each set of columns (a release that changes the killed figure of many incidents changes
/// the same few columns of each).
/// </summary>
internal sealed class ColumnPatch(RelationalIncidentStore store, DbTransaction tx) : IDisposable
{
    private readonly Dictionary<string, IRowCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes the fields' texts before the change onto their columns; false (nothing written) when a field cannot be put
    /// back on its own column, so the incident must be rebuilt whole.
    /// </summary>
    public bool TryApply(long id, PastChange change)
    {
        if (change.Before.Count == 0)
            return true;
        var columns = new List<string>(change.Before.Count + 2);
        var values = new List<object?>(change.Before.Count + 2);
        foreach (var (field, text) in change.Before.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
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
        var key = string.Join(",", columns);
        if (!_commands.TryGetValue(key, out var command))
        {
            command = store.Dialect.PrepareRowCommand(store.Connection, tx,
                $"UPDATE asof_incidents SET {string.Join(", ", columns.Select((c, i) => $"{c} = @p{i}"))} WHERE id = @id",
                [.. columns.Select((_, i) => "p" + i), "id"], false);
            _commands[key] = command;
        }
        for (var i = 0; i < values.Count; i++)
            command.Set(i, values[i]);
        command.Set(values.Count, id);
        command.Execute();
        return true;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
            command.Dispose();
    }
}
