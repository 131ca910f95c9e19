using System.Data.Common;
using System.Globalization;
using System.Text;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;

namespace Vigil.Storage.Relational.Past;

/// <summary>
/// Rebuilds, into the temporary tables of <see cref="PastViews"/>, every incident as it was at a moment when it has
/// changed since, and marks those created since as not existing. The rows are copied in one statement; a changed field
/// is put back on its own column (<see cref="PastColumns"/>) from its text before the first later change
/// (<see cref="PastChanges"/>), with its revision number, last change and deletion then, in one UPDATE
/// (<see cref="ColumnPatch"/>); an incident whose sources, dataset or grade override changed, whose sources give
/// figures of their own, or whose sources' registry entries changed since, is rebuilt whole (its fields undone, its
/// figures, grade and contest derived again with the registry of the moment). The rollup's difference is one
/// statement over the rebuilt rows. The work grows with what changed after the moment, not with the size of the database.
/// </summary>
internal static class PastIncidents
{
    private const int Batch = 500;

    public static void Rebuild(RelationalIncidentStore store, DbTransaction tx, string main, string at, IReadOnlyList<PastRegistry.Changed> registry)
    {
        var trace = new PastTrace();
        var changes = PastChanges.Read(store, tx, main, at, out var parsed, trace);
        trace.Step($"the incidents created since found, {changes.Count:N0} in all:");
        var lookup = SourceLookup.Load(store.Connection, tx); // the registry of the moment (PastRegistry installed it)
        var regraded = new HashSet<long>();
        foreach (var entry in registry)
            regraded.UnionWith(SourceCitations.Citing(store, tx, entry.Now, entry.Then, main));
        regraded.ExceptWith(changes.Where(c => c.Value.Created).Select(c => c.Key));
        var ids = changes.Keys.Concat(regraded).Distinct().Order().ToList();
        Mark(store, tx, ids, changes);
        trace.Step("registry, marking:");
        foreach (var entry in registry)
            MarkDatasetRecords(store, tx, main, entry.Now.Key);
        if (ids.Count == 0 && registry.Count == 0)
            return;

        store.Execute(tx, $"INSERT INTO asof_incidents SELECT * FROM {main}incidents WHERE id IN (SELECT id FROM asof_touched WHERE existed = 1)");
        // The rollup's difference: the rebuilt incidents' contributions now (the rows as copied, and those created since)
        // negated here, then added as they were once rebuilt.
        store.Execute(tx, MonthlyRollup.FillSql("asof_rollup_parts", "asof_incidents", null, sign: -1));
        store.Execute(tx, MonthlyRollup.FillSql("asof_rollup_parts", main + "incidents", "id IN (SELECT id FROM asof_touched WHERE existed = 0)", sign: -1));
        var withFigures = SourcesWithFigures(store, tx, main);
        trace.Step("copy of the changed rows, their contributions now:");
        parsed.GetAwaiter().GetResult();
        MarkSourcesChanged(store, tx, changes);
        trace.Step("the changes' texts read:");
        var whole = new List<long>(regraded.Where(id => !changes.ContainsKey(id)));
        using (var patch = new ColumnPatch(store, tx, main))
        {
            foreach (var (id, change) in changes)
            {
                if (change.Created)
                    continue;
                if (regraded.Contains(id) || withFigures.Contains(id) || !patch.TryApply(id, change))
                    whole.Add(id);
            }
            trace.Step("fields put back per column:");
            foreach (var entry in registry)
                SourceCitations.GradeDatasetRecords(store, tx, lookup, entry.Now.Key, "asof_incidents", main + "incident_sources");
            RebuildWhole(store, tx, whole, changes, lookup);
            foreach (var id in whole)
            {
                if (changes.TryGetValue(id, out var change))
                    patch.Bookkeep(id, change);
            }
            trace.Step($"{whole.Count:N0} incidents rebuilt whole:");
        }
        store.Execute(tx, MonthlyRollup.FillSql("asof_rollup_parts", "asof_incidents", null));
        store.Execute(tx, MonthlyRollup.ConsolidateSql("asof_rollup_parts", "asof_rollup_delta"));
        trace.Step("the rollup's difference:");
    }

    private static void Mark(RelationalIncidentStore store, DbTransaction tx, List<long> ids, Dictionary<long, PastChange> changes)
    {
        using var mark = store.Dialect.PrepareRowCommand(store.Connection, tx,
            "INSERT INTO asof_touched (id, existed, sources_changed) VALUES (@id, @existed, @sources)", ["id", "existed", "sources"], false);
        foreach (var id in ids)
        {
            var change = changes.GetValueOrDefault(id);
            var existed = change is not { Created: true };
            mark.Set(0, id);
            mark.Set(1, existed ? 1 : 0);
            mark.Set(2, 0); // set once the changes' texts are read (SourcesChanged)
            mark.Execute();
        }
    }

    /// <summary>The incidents whose sources changed since: their sources are read from the rebuilt ones, not the table.</summary>
    private static void MarkSourcesChanged(RelationalIncidentStore store, DbTransaction tx, Dictionary<long, PastChange> changes)
    {
        using var mark = store.Dialect.PrepareRowCommand(store.Connection, tx, "UPDATE asof_touched SET sources_changed = 1 WHERE id = @id", ["id"], false);
        foreach (var (id, change) in changes)
        {
            if (change is { Created: false, SourcesChanged: true })
            {
                mark.Set(0, id);
                mark.Execute();
            }
        }
    }

    /// <summary>A dataset's records graded by its entry alone (no override, no report added): their grade is the entry's.</summary>
    private static void MarkDatasetRecords(RelationalIncidentStore store, DbTransaction tx, string main, string dataset)
    {
        using var cmd = store.Command(tx, $"""
            INSERT INTO asof_touched (id, existed, sources_changed)
            SELECT i.id, 1, 0 FROM {main}incidents i
            WHERE i.dataset = @k AND i.grade_override IS NULL AND NOT EXISTS (SELECT 1 FROM asof_touched t WHERE t.id = i.id)
              AND NOT EXISTS (SELECT 1 FROM {main}incident_sources s WHERE s.incident_id = i.id AND {SourceCitations.AddedReport})
            """, "k");
        cmd.Parameters["@k"].Value = dataset;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The rebuilt incidents with a source giving figures of its own: their figures of each scope and contest follow from them.</summary>
    private static HashSet<long> SourcesWithFigures(RelationalIncidentStore store, DbTransaction tx, string main)
    {
        var figures = ProvenanceSchema.SourceFigureColumns
            .Where(c => c.Type == "INTEGER" && (c.Name.StartsWith("killed_", StringComparison.Ordinal) || c.Name.StartsWith("injured_", StringComparison.Ordinal)))
            .Select(c => $"s.{c.Name} IS NOT NULL");
        var ids = new HashSet<long>();
        using var cmd = store.Command(tx, $"""
            SELECT DISTINCT s.incident_id FROM {main}incident_sources s JOIN asof_touched t ON t.id = s.incident_id
            WHERE t.existed = 1 AND ({string.Join(" OR ", figures)})
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            ids.Add(r.GetInt64(0));
        return ids;
    }

    /// <summary>Incidents rebuilt whole: read, their later changes undone, their figures, grade and contest derived again.</summary>
    private static void RebuildWhole(RelationalIncidentStore store, DbTransaction tx, List<long> whole, Dictionary<long, PastChange> changes,
        SourceLookup lookup)
    {
        if (whole.Count == 0)
            return;
        var setNames = IncidentColumns.Written.Select(c => c.Name).ToArray();
        using var update = store.Dialect.PrepareRowCommand(store.Connection, tx,
            $"UPDATE asof_incidents SET {string.Join(", ", setNames.Select(n => $"{n} = @{n}"))} WHERE id = @id", [.. setNames, "id"], false);
        using var source = store.Dialect.PrepareRowCommand(store.Connection, tx,
            $"INSERT INTO asof_sources ({string.Join(", ", IncidentWriter.SourceColumns)}) VALUES ({string.Join(", ", IncidentWriter.SourceColumns.Select(c => "@" + c))})",
            IncidentWriter.SourceColumns, false);
        foreach (var chunk in whole.Order().Chunk(Batch))
        {
            var current = new List<Incident>();
            using (var cmd = store.Command(tx, $"SELECT {IncidentColumns.SelectList} FROM asof_incidents WHERE id IN ({List(chunk)})"))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                    current.Add(IncidentColumns.Read(r));
            }
            var sources = store.LoadSources([.. chunk], tx);
            foreach (var now in current)
            {
                var change = changes.GetValueOrDefault(now.Id);
                var then = now with { Sources = sources.GetValueOrDefault(now.Id, []) };
                if (change is { Before.Count: > 0 })
                    then = IncidentFields.Revert(then, change.Before.Select(f => new FieldChange(f.Key, f.Value, null)));
                then = lookup.Prepare(then, then);
                var columns = IncidentColumns.Written;
                for (var c = 0; c < columns.Length; c++)
                    update.Set(c, columns[c].Get(then));
                update.Set(columns.Length, then.Id);
                update.Execute();
                if (change is not { SourcesChanged: true } || then.Sources.IsDefaultOrEmpty)
                    continue;
                for (var i = 0; i < then.Sources.Length; i++)
                {
                    var row = IncidentWriter.SourceRow(then.Id, i + 1, then.Sources[i]);
                    for (var c = 0; c < row.Length; c++)
                        source.Set(c, row[c]);
                    source.Execute();
                }
            }
        }
    }

    private static string List(IEnumerable<long> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids)
            text.Append(text.Length == 0 ? "" : ",").Append(id.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }
}
