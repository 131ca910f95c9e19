using System.Data.Common;
using System.Text.Json;
using Vigil.Domain.Revisions;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// What happened to one incident after a moment, read from its later revisions: whether it was created since, and for
/// each field changed since, its text before the first of those changes (undoing the later revisions one by one, newest
/// first, leaves each field at that text).
/// </summary>
internal sealed class PastChange
{
    public bool Created { get; set; }

    /// <summary>Each field changed since the moment, with its text at the moment (null: empty).</summary>
    public Dictionary<string, string?> Before { get; } = new(StringComparer.Ordinal);

    public bool SourcesChanged => Before.ContainsKey("sources");
}

internal static class PastChanges
{
    /// <summary>
    /// Every incident created or with a revision after <paramref name="at"/>, by id, from the revisions after it alone
    /// (the index on their time finds them; the work grows with what changed since, not with the history before).
    /// </summary>
    public static Dictionary<long, PastChange> Read(RelationalIncidentStore store, DbTransaction tx, string main, string at)
    {
        var rows = new List<(long Id, string? Changes)>();
        using (var cmd = store.Command(tx, $"SELECT incident_id, changes FROM {main}revisions WHERE at > @at ORDER BY incident_id, number", "at"))
        {
            cmd.Parameters["@at"].Value = at;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                rows.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1)));
        }
        // The JSON of the changes is most of the work: parsed on every core, then folded in order.
        var parsed = new FieldChange[rows.Count][];
        Parallel.For(0, rows.Count, i => parsed[i] = rows[i].Changes is { } json
            ? JsonSerializer.Deserialize<FieldChange[]>(json, RevisionJson.Options) ?? []
            : []);
        var changes = new Dictionary<long, PastChange>();
        for (var i = 0; i < rows.Count; i++)
        {
            var id = rows[i].Id;
            if (!changes.TryGetValue(id, out var change))
                changes[id] = change = new PastChange();
            // Oldest first: a field's first change since the moment holds its text at the moment.
            foreach (var field in parsed[i])
                change.Before.TryAdd(field.Field, field.Before);
        }
        // An incident's creation is its row's own (revision 1 is not in the revisions table).
        using (var cmd = store.Command(tx, $"SELECT id FROM {main}incidents WHERE created_at > @at", "at"))
        {
            cmd.Parameters["@at"].Value = at;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                if (!changes.TryGetValue(id, out var change))
                    changes[id] = change = new PastChange();
                change.Created = true;
            }
        }
        return changes;
    }
}
