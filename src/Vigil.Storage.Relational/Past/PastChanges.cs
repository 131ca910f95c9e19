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

    /// <summary>Each field changed since the moment, with its text at the moment (null: empty); filled in the background (<see cref="PastChanges.Read"/>).</summary>
    public Dictionary<string, string?> Before { get; } = new(StringComparer.Ordinal);

    public bool SourcesChanged => Before.ContainsKey("sources");

    /// <summary>The number of its first revision after the moment (0: none, only created since); the one before is its revision then.</summary>
    public int FirstNumber { get; set; }

    /// <summary>The time of its revision then (null: revision 1, its creation, kept on its row).</summary>
    public string? UpdatedThen { get; set; }

    /// <summary>Whether it was deleted or restored since (its deletion then is read from its revisions up to the moment).</summary>
    public bool DeletionChanged { get; set; }
}

internal static class PastChanges
{
    /// <summary>
    /// Every incident created or with a revision after <paramref name="at"/>, by id, from the revisions after it alone
    /// (the index on their time finds them; the work grows with what changed since, not with the history before).
    /// </summary>
    public static Dictionary<long, PastChange> Read(RelationalIncidentStore store, DbTransaction tx, string main, string at, out Task parsed, PastTrace trace)
    {
        var rows = new List<(long Id, int Number, bool Deletion, string? Changes, string? PreviousAt)>();
        var delete = EnumText<RevisionKind>.Format(RevisionKind.Delete);
        var restore = EnumText<RevisionKind>.Format(RevisionKind.Restore);
        using (var cmd = store.Command(tx, $"""
            SELECT a.incident_id, a.number, a.kind, a.changes, p.at FROM {main}revisions a
            LEFT JOIN {main}revisions p ON p.incident_id = a.incident_id AND p.number = a.number - 1
            WHERE a.at > @at ORDER BY a.incident_id, a.number
            """, "at"))
        {
            cmd.Parameters["@at"].Value = at;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var kind = r.GetString(2);
                rows.Add((r.GetInt64(0), r.GetInt32(1), kind == delete || kind == restore, r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
            }
        }
        trace.Step($"read {rows.Count:N0} revisions:");
        var changes = new Dictionary<long, PastChange>();
        var texts = new List<(PastChange Change, string Json)>(rows.Count);
        foreach (var (id, number, deletion, json, previousAt) in rows)
        {
            if (!changes.TryGetValue(id, out var change))
                changes[id] = change = new PastChange { FirstNumber = number, UpdatedThen = previousAt };
            change.DeletionChanged |= deletion;
            if (json is not null)
                texts.Add((change, json));
        }
        // The fields' texts, on another core while the rows are copied: oldest first, a field's first change since the
        // moment holds its text at the moment.
        // Until it has finished, nothing else reads the changes' Before.
        parsed = Task.Run(() =>
        {
            foreach (var (change, json) in texts)
            {
                foreach (var (field, text) in ChangesJson.Before(json))
                    change.Before.TryAdd(field, text);
            }
        });
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
