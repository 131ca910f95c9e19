using System.Data;
using Vigil.Domain.Errors;
using Vigil.Storage.Relational;

namespace Vigil.Storage.Backends;

/// <summary>The outcome of a copy: each table's checksum on both sides.</summary>
public sealed record CopyReport(IReadOnlyList<TableChecksum> Source, IReadOnlyList<TableChecksum> Target)
{
    public IReadOnlyList<string> Differences => TableChecksums.Differences(Source, Target);
}

/// <summary>
/// Moves a whole database to another (empty) one, on either back-end: every table row for row with its ids,
/// in one transaction on the target, read from one consistent snapshot of the source; then both sides are
/// counted and checksummed, and a mismatch undoes nothing but is reported as a failure.
/// </summary>
public static class DatabaseCopier
{
    private const int BatchSize = 10_000;

    /// <summary>Copies one open database into another (both opened by <see cref="DatabaseLocation.Open"/>).</summary>
    public static CopyReport Copy(IVigilDatabase source, IVigilDatabase target, Action<string, long>? progress = null) =>
        Copy(Relational(source), Relational(target), progress);

    private static RelationalIncidentStore Relational(IVigilDatabase database) =>
        database is RelationalDatabase r ? r.Store : throw new ArgumentException("not a relational database", nameof(database));

    public static CopyReport Copy(RelationalIncidentStore source, RelationalIncidentStore target, Action<string, long>? progress = null)
    {
        if (source.SchemaVersion != target.SchemaVersion)
            throw new VigilException($"schema versions differ: {source.Location} is at {source.SchemaVersion}, {target.Location} at {target.SchemaVersion}");
        foreach (var table in Schema.Tables.Where(t => t.Name != "schema_migrations" && !Schema.SeededTables.Contains(t.Name)))
        {
            if (target.ScalarLong(null, $"SELECT COUNT(*) FROM {table.Name}") != 0)
                throw new VigilException($"{target.Location} is not empty (table {table.Name} has rows); copy into a new database");
        }

        using var read = source.Connection.BeginTransaction(IsolationLevel.Serializable);
        using (var write = target.Connection.BeginTransaction())
        {
            // The full-text index is built from the copied rows once, at the end, rather than by its triggers row by row.
            target.Execute(write, target.Dialect.Search.SuspendSql);
            foreach (var table in Schema.Tables.Where(t => t.Name != "schema_migrations"))
            {
                if (Schema.SeededTables.Contains(table.Name))
                    target.Execute(write, $"DELETE FROM {table.Name}");
                var rows = CopyTable(source, read, target, write, table);
                progress?.Invoke(table.Name, rows);
            }
            foreach (var table in Schema.Tables.Where(t => t.HasIdentity))
            {
                if (target.Dialect.IdentityResetSql(table.Name) is { } reset)
                    target.Execute(write, reset);
            }
            target.Execute(write, target.Dialect.Search.ResumeSql);
            write.Commit();
        }
        var sourceSums = TableChecksums.Compute(source, read);
        read.Commit();
        return new CopyReport(sourceSums, TableChecksums.Compute(target));
    }

    private static long CopyTable(RelationalIncidentStore source, System.Data.Common.DbTransaction read,
        RelationalIncidentStore target, System.Data.Common.DbTransaction write, Schema.Table table)
    {
        using var cmd = source.Connection.CreateCommand();
        cmd.Transaction = read;
        cmd.CommandText = $"SELECT * FROM {table.Name} ORDER BY {table.OrderBy}";
        using var r = cmd.ExecuteReader();
        var columns = Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToArray();
        var loader = target.Dialect.BulkLoader;
        using var insert = loader is null
            ? target.Dialect.PrepareRowCommand(target.Connection, write,
                $"INSERT INTO {table.Name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})", columns, false)
            : null;
        var batch = new List<object?[]>(BatchSize);
        long total = 0;
        while (r.Read())
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < columns.Length; i++)
                row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            total++;
            if (insert is not null)
            {
                for (var i = 0; i < row.Length; i++)
                    insert.Set(i, row[i]);
                insert.Execute();
                continue;
            }
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                loader!.Copy(target.Connection, write, table.Name, columns, batch);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            loader!.Copy(target.Connection, write, table.Name, columns, batch);
        return total;
    }
}
