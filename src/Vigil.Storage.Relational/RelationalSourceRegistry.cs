using System.Data.Common;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>
/// The source registry (tables <c>sources</c> and <c>source_history</c>, schema version 17). Each add or edit is one
/// transaction with its history row and the re-derived grades of the incidents citing the entry: a grade is derived
/// data (no revision of the incident), its cause recorded here.
/// </summary>
public sealed class RelationalSourceRegistry(RelationalIncidentStore store) : ISourceRegistry
{
    public IReadOnlyList<SourceEntry> List()
    {
        var saved = ReadSaved(null);
        var keys = saved.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var implied = new List<SourceEntry>();
        using (var cmd = store.Command(null, "SELECT DISTINCT dataset FROM incidents WHERE dataset IS NOT NULL ORDER BY dataset"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var name = r.GetString(0);
                if (!keys.Contains(name))
                    implied.Add(Implied(name));
            }
        }
        return [.. saved.Concat(implied).OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    public SourceEntry? Find(string keyOrName)
    {
        if (SourceLookup.Load(store.Connection, null).Find(keyOrName) is { } entry)
            return entry;
        var key = keyOrName.Trim();
        return store.ScalarLong(null, "SELECT COUNT(*) FROM incidents WHERE dataset = @p0", key) > 0 ? Implied(key) : null;
    }

    public SourceEntry Add(SourceEntry entry, ChangeContext context)
    {
        Check(entry);
        using var tx = store.Connection.BeginTransaction();
        var lookup = SourceLookup.Load(store.Connection, tx);
        foreach (var name in (string[])[entry.Key, entry.Name, .. entry.Aliases])
        {
            if (lookup.Find(name) is { } other)
                throw new FieldException(name == entry.Key ? "key" : "name", $"'{name}' is already the source '{other.Key}'");
        }
        var saved = entry with { Implied = false };
        Write(tx, saved, insert: true, context, null);
        Regrade(tx, saved, null);
        tx.Commit();
        return saved;
    }

    public SourceEntry Edit(string key, Func<SourceEntry, SourceEntry> apply, ChangeContext context)
    {
        using var tx = store.Connection.BeginTransaction();
        var current = ReadSaved(tx).FirstOrDefault(e => e.Key == key);
        var implied = current is null && store.ScalarLong(tx, "SELECT COUNT(*) FROM incidents WHERE dataset = @p0", key) > 0;
        var before = current ?? (implied ? Implied(key) : throw new NotFoundException($"source '{key}'"));
        var after = apply(before) with { Key = before.Key, Implied = false };
        Check(after);
        var lookup = SourceLookup.Load(store.Connection, tx);
        foreach (var name in (string[])[after.Name, .. after.Aliases])
        {
            if (lookup.Find(name) is { } other && other.Key != key)
                throw new FieldException("name", $"'{name}' is already the source '{other.Key}'");
        }
        if (after == before && !implied)
            return before;
        Write(tx, after, insert: implied, context, implied ? null : before);
        Regrade(tx, after, before);
        tx.Commit();
        return after;
    }

    public IReadOnlyList<SourceEntryChange> History(string key)
    {
        using var cmd = store.Command(null, "SELECT at, author, reason, before, after FROM source_history WHERE source_key = @k ORDER BY id", "k");
        cmd.Parameters["@k"].Value = key;
        using var r = cmd.ExecuteReader();
        var list = new List<SourceEntryChange>();
        while (r.Read())
        {
            list.Add(new SourceEntryChange(key, IncidentColumns.ParseStamp(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                SourceRows.FromJson(r.IsDBNull(3) ? null : r.GetString(3)), SourceRows.FromJson(r.GetString(4))!));
        }
        return list;
    }

    /// <summary>
    /// The news path fills the registry as it goes: an outlet whose report is accepted and that the registry does not know
    /// by name or alias becomes an entry of type independent-media, graded F (cannot be judged) until an analyst grades
    /// it, inside the accepting transaction. A key already taken by another entry leaves the outlet unregistered.
    /// </summary>
    internal void RegisterOutlet(DbTransaction tx, string? outlet, string by, string reason)
    {
        if (string.IsNullOrWhiteSpace(outlet) || SourceLookup.Load(store.Connection, tx).Find(outlet) is not null)
            return;
        var key = new string([.. outlet.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
        while (key.Contains("--", StringComparison.Ordinal))
            key = key.Replace("--", "-", StringComparison.Ordinal);
        key = key.Trim('-');
        if (key.Length is 0 or > 80 || store.ScalarLong(tx, "SELECT COUNT(*) FROM sources WHERE key = @p0", key) > 0)
            return;
        var entry = new SourceEntry
        {
            Key = key,
            Name = outlet.Trim(),
            Type = SourceType.IndependentMedia,
            Notes = "added when a report from it was first accepted from the news; not yet graded",
        };
        Write(tx, entry, insert: true, new ChangeContext(by, reason), null);
    }

    private static SourceEntry Implied(string dataset) => new()
    {
        Key = dataset,
        Name = dataset,
        Type = SourceType.Dataset,
        Implied = true,
        Notes = "a dataset of this database, not yet graded",
    };

    private static void Check(SourceEntry e)
    {
        if (SourceEntry.Check(e.Key, e.Name, e.Type, e.PartySide) is { } problem)
            throw new FieldException(problem.Field, problem.Problem);
    }

    private List<SourceEntry> ReadSaved(DbTransaction? tx)
    {
        using var cmd = store.Command(tx, $"SELECT {SourceRows.SelectList} FROM sources ORDER BY key");
        using var r = cmd.ExecuteReader();
        var list = new List<SourceEntry>();
        while (r.Read())
            list.Add(SourceRows.Read(r));
        return list;
    }

    private void Write(DbTransaction tx, SourceEntry e, bool insert, ChangeContext context, SourceEntry? before)
    {
        var now = IncidentColumns.Stamp(store.Clock.GetUtcNow());
        SourceRows.Save(store, tx, e, insert, now, context.Author);
        using var history = store.Command(tx,
            "INSERT INTO source_history (source_key, at, author, reason, before, after) VALUES (@key, @at, @by, @reason, @before, @after)",
            "key", "at", "by", "reason", "before", "after");
        history.Parameters["@key"].Value = e.Key;
        history.Parameters["@at"].Value = now;
        history.Parameters["@by"].Value = context.Author;
        history.Parameters["@reason"].Value = (object?)context.Reason ?? DBNull.Value;
        history.Parameters["@before"].Value = before is null ? DBNull.Value : SourceRows.Json(before);
        history.Parameters["@after"].Value = SourceRows.Json(e);
        history.ExecuteNonQuery();
    }

    /// <summary>
    /// Derives again the grade of every incident citing the entry (by key, or by any name it had before or has now). A
    /// dataset's records with no report added in Vigil are graded by the dataset alone, in one statement.
    /// </summary>
    private void Regrade(DbTransaction tx, SourceEntry entry, SourceEntry? before)
    {
        var lookup = SourceLookup.Load(store.Connection, tx);
        if (SourceCitations.GradeDatasetRecords(store, tx, lookup, entry.Key) > 0)
        {
            // The rollup counts each grade: the dataset's rows of it are counted again.
            foreach (var sql in new[] { "DELETE FROM monthly_rollup WHERE dataset = @k", MonthlyRollup.RebuildSql("dataset = @k") })
            {
                using var rebuild = store.Command(tx, sql, "k");
                rebuild.Parameters["@k"].Value = entry.Key;
                rebuild.ExecuteNonQuery();
            }
        }
        var ids = SourceCitations.Citing(store, tx, entry, before);
        var rollup = new MonthlyRollup();
        using var update = store.Command(tx, "UPDATE incidents SET grade = @g, contested = @c WHERE id = @id", "g", "c", "id");
        foreach (var id in ids)
        {
            if (store.ReadRow(tx, id) is not { } row)
                continue;
            var withSources = row with { Sources = store.LoadSources(tx, id) };
            var graded = lookup.Prepare(withSources, withSources);
            if (graded.Grade == row.Grade && graded.Contested == row.Contested)
                continue;
            update.Parameters["@g"].Value = EnumText<IncidentGrade>.Format(graded.Grade!.Value);
            update.Parameters["@c"].Value = graded.Contested ? 1 : 0;
            update.Parameters["@id"].Value = id;
            update.ExecuteNonQuery();
            rollup.Remove(row);
            rollup.Add(graded);
        }
        rollup.Flush(store.Connection, tx, store.Dialect);
        store.BumpDataVersion(tx);
    }
}
