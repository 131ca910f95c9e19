using System.Data.Common;
using System.Text.Json;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

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

    /// <summary>The number of its first revision after the moment (0: none, only created since); the one before is its revision then.</summary>
    public int FirstNumber { get; set; }

    /// <summary>Whether it was deleted or restored since (its deletion then is read from its revisions up to the moment).</summary>
    public bool DeletionChanged { get; set; }
}

internal static class PastChanges
{
    /// <summary>
    /// Every incident created or with a revision after <paramref name="at"/>, by id, from the revisions after it alone
    /// (the index on their time finds them; the work grows with what changed since, not with the history before).
    /// </summary>
    public static Dictionary<long, PastChange> Read(RelationalIncidentStore store, DbTransaction tx, string main, string at)
    {
        var rows = new List<(long Id, int Number, bool Deletion, string? Changes)>();
        var delete = EnumText<RevisionKind>.Format(RevisionKind.Delete);
        var restore = EnumText<RevisionKind>.Format(RevisionKind.Restore);
        using (var cmd = store.Command(tx, $"SELECT incident_id, number, kind, changes FROM {main}revisions WHERE at > @at ORDER BY incident_id, number", "at"))
        {
            cmd.Parameters["@at"].Value = at;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var kind = r.GetString(2);
                rows.Add((r.GetInt64(0), r.GetInt32(1), kind == delete || kind == restore, r.IsDBNull(3) ? null : r.GetString(3)));
            }
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
                changes[id] = change = new PastChange { FirstNumber = rows[i].Number };
            change.DeletionChanged |= rows[i].Deletion;
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
