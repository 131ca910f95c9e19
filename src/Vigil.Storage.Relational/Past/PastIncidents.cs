using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// Rebuilds, into the temporary tables of <see cref="PastViews"/>, every incident as it was at a moment when it has
/// changed since: its later revisions undone one by one, newest first (<see cref="IncidentFields.Revert"/>), its
/// revision number, last change and deletion as they stood then. Incidents created since are marked as not existing.
/// The rollup's difference (the rebuilt incidents' contributions less their current ones) is written beside them.
/// The work grows with what changed after the moment, not with the size of the database.
/// </summary>
internal static class PastIncidents
{
    private const int Batch = 500;

    private sealed record Change(int Number, string At, RevisionKind Kind, string? Changes);

    public static void Rebuild(RelationalIncidentStore store, DbTransaction tx, string main, string at)
    {
        var changes = ReadChanges(store, tx, main, at);
        var created = new HashSet<long>();
        using (var cmd = store.Command(tx, $"SELECT id FROM {main}incidents WHERE created_at > @at", "at"))
        {
            cmd.Parameters["@at"].Value = at;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                created.Add(r.GetInt64(0));
        }
        var ids = changes.Keys.Concat(created).Distinct().Order().ToList();
        if (ids.Count == 0)
            return;

        var dialect = store.Dialect;
        using (var mark = dialect.PrepareRowCommand(store.Connection, tx,
            "INSERT INTO asof_touched (id, existed, sources_changed) VALUES (@id, @existed, @sources)", ["id", "existed", "sources"], false))
        {
            foreach (var id in ids)
            {
                var existed = !created.Contains(id);
                mark.Set(0, id);
                mark.Set(1, existed ? 1 : 0);
                mark.Set(2, existed && SourcesChanged(changes[id], at) ? 1 : 0);
                mark.Execute();
            }
        }

        var rollup = new MonthlyRollup();
        var setNames = IncidentColumns.Written.Select(c => c.Name).ToArray();
        using var update = dialect.PrepareRowCommand(store.Connection, tx,
            $"UPDATE asof_incidents SET {string.Join(", ", setNames.Select(n => $"{n} = @{n}"))} WHERE id = @id", [.. setNames, "id"], false);
        using var source = dialect.PrepareRowCommand(store.Connection, tx,
            $"INSERT INTO asof_sources ({string.Join(", ", IncidentWriter.SourceColumns)}) VALUES ({string.Join(", ", IncidentWriter.SourceColumns.Select(c => "@" + c))})",
            IncidentWriter.SourceColumns, false);
        // Grades and contests are derived from an incident's sources and the registry: derived again for each rebuilt one.
        var lookup = SourceLookup.Load(store.Connection, tx);
        foreach (var chunk in ids.Chunk(Batch))
        {
            var current = new List<Incident>();
            using (var cmd = store.Command(tx, $"SELECT {IncidentColumns.SelectList} FROM {main}incidents WHERE id IN ({List(chunk)})"))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                    current.Add(IncidentColumns.Read(r));
            }
            List<long> existed = [.. current.Where(i => !created.Contains(i.Id)).Select(i => i.Id)];
            var sources = existed.Count == 0 ? [] : store.LoadSources(existed, tx);
            var past = new List<(Incident Incident, bool Sources)>();
            foreach (var now in current)
            {
                rollup.Remove(now);
                if (created.Contains(now.Id))
                    continue;
                var then = AsOf(now with { Sources = sources.GetValueOrDefault(now.Id, []) }, changes[now.Id], at);
                then = lookup.Prepare(then, then);
                rollup.Add(then);
                past.Add((then, SourcesChanged(changes[now.Id], at)));
            }
            if (past.Count == 0)
                continue;
            store.Execute(tx, $"INSERT INTO asof_incidents SELECT * FROM {main}incidents WHERE id IN ({List(past.Select(p => p.Incident.Id))})");
            foreach (var (incident, sourcesChanged) in past)
            {
                var columns = IncidentColumns.Written;
                for (var c = 0; c < columns.Length; c++)
                    update.Set(c, columns[c].Get(incident));
                update.Set(columns.Length, incident.Id);
                update.Execute();
                if (!sourcesChanged || incident.Sources.IsDefaultOrEmpty)
                    continue;
                for (var i = 0; i < incident.Sources.Length; i++)
                {
                    var row = IncidentWriter.SourceRow(incident.Id, i + 1, incident.Sources[i]);
                    for (var c = 0; c < row.Length; c++)
                        source.Set(c, row[c]);
                    source.Execute();
                }
            }
        }
        rollup.WriteDeltas(store.Connection, tx, dialect, "asof_rollup_delta");
    }

    /// <summary>Every revision of each incident changed after the moment (its field changes only where they came after it).</summary>
    private static Dictionary<long, List<Change>> ReadChanges(RelationalIncidentStore store, DbTransaction tx, string main, string at)
    {
        var changes = new Dictionary<long, List<Change>>();
        using var cmd = store.Command(tx, $"""
            SELECT incident_id, number, at, kind, CASE WHEN at > @at THEN changes END FROM {main}revisions
            WHERE incident_id IN (SELECT DISTINCT incident_id FROM {main}revisions WHERE at > @at)
            ORDER BY incident_id, number
            """, "at");
        cmd.Parameters["@at"].Value = at;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            if (!changes.TryGetValue(id, out var list))
                changes[id] = list = [];
            list.Add(new Change(r.GetInt32(1), r.GetString(2), EnumText<RevisionKind>.Parse(r.GetString(3)), r.IsDBNull(4) ? null : r.GetString(4)));
        }
        return changes;
    }

    /// <summary>The incident as it stood at the moment, from its current row and its revisions.</summary>
    private static Incident AsOf(Incident current, List<Change> revisions, string at)
    {
        var state = current;
        for (var i = revisions.Count - 1; i >= 0 && string.CompareOrdinal(revisions[i].At, at) > 0; i--)
        {
            if (revisions[i].Changes is { } json)
                state = IncidentFields.Revert(state, JsonSerializer.Deserialize<FieldChange[]>(json, RevisionJson.Options) ?? []);
        }
        var before = revisions.LastOrDefault(r => string.CompareOrdinal(r.At, at) <= 0);
        var firstAfter = revisions.First(r => string.CompareOrdinal(r.At, at) > 0);
        var lastDeletion = revisions.LastOrDefault(r => string.CompareOrdinal(r.At, at) <= 0 && r.Kind is RevisionKind.Delete or RevisionKind.Restore);
        DateTimeOffset? deleted = lastDeletion is not null
            ? lastDeletion.Kind == RevisionKind.Delete ? IncidentColumns.ParseStamp(lastDeletion.At) : null
            : revisions.FirstOrDefault(r => r.Kind is RevisionKind.Delete or RevisionKind.Restore && string.CompareOrdinal(r.At, at) > 0) is { } later
                ? later.Kind == RevisionKind.Restore ? current.CreatedAt : null
                : current.DeletedAt;
        return state with
        {
            Revision = before?.Number ?? firstAfter.Number - 1,
            UpdatedAt = before is null ? current.CreatedAt : IncidentColumns.ParseStamp(before.At),
            DeletedAt = deleted,
        };
    }

    private static bool SourcesChanged(List<Change> revisions, string at) =>
        revisions.Any(r => r.Changes is not null && string.CompareOrdinal(r.At, at) > 0 && r.Changes.Contains("\"field\":\"sources\"", StringComparison.Ordinal));

    private static string List(IEnumerable<long> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids)
            text.Append(text.Length == 0 ? "" : ",").Append(id.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }
}
