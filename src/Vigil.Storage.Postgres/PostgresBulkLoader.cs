using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Vigil.Storage.Relational;

namespace Vigil.Storage.Postgres;

/// <summary>
/// Bulk loads through binary COPY: each value is written in its column's exact type (read once per table
/// from the catalogue), since binary COPY does not convert between integer widths.
/// </summary>
internal sealed class PostgresBulkLoader : IBulkLoader
{
    private readonly ConcurrentDictionary<string, Dictionary<string, NpgsqlDbType>> _types = new(StringComparer.Ordinal);

    public long[] ReserveIds(DbConnection connection, DbTransaction transaction, string table, int count)
    {
        using var cmd = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence(@table, 'id')) FROM generate_series(1, @count)",
            (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        cmd.Parameters.AddWithValue("table", table);
        cmd.Parameters.AddWithValue("count", count);
        var ids = new long[count];
        using var r = cmd.ExecuteReader();
        var n = 0;
        while (r.Read())
            ids[n++] = r.GetInt64(0);
        Array.Sort(ids);
        return ids;
    }

    public void Copy(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        var npgsql = (NpgsqlConnection)connection;
        var types = _types.GetOrAdd(table, t => ColumnTypes(npgsql, (NpgsqlTransaction)transaction, t));
        var columnTypes = columns.Select(c => types.TryGetValue(c, out var type)
            ? type
            : throw new InvalidOperationException($"table {table} has no column {c}")).ToArray();
        using var importer = npgsql.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < row.Length; i++)
                Write(importer, row[i], columnTypes[i]);
        }
        importer.Complete();
    }

    public Action RelaxChecksForEmptyLoad(DbConnection connection, DbTransaction transaction)
    {
        var npgsql = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        var keys = new List<(string Table, string Name, string Definition)>();
        using (var cmd = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid IN ('incidents'::regclass, 'incident_sources'::regclass)
            ORDER BY 1, 2
            """, npgsql, tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                keys.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        }
        foreach (var (table, name, _) in keys)
            Run(npgsql, tx, $"ALTER TABLE {table} DROP CONSTRAINT {name}");
        // Adding a foreign key validates every row in one join instead of one lookup per row copied.
        return () =>
        {
            foreach (var (table, name, definition) in keys)
                Run(npgsql, tx, $"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}");
        };
    }

    private static void Run(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection, transaction);
        cmd.ExecuteNonQuery();
    }

    private static void Write(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
            return;
        }
        switch (type)
        {
            case NpgsqlDbType.Bigint:
                importer.Write(ToLong(value), type);
                break;
            case NpgsqlDbType.Integer:
                importer.Write(checked((int)ToLong(value)), type);
                break;
            case NpgsqlDbType.Double:
                importer.Write(Convert.ToDouble(value, CultureInfo.InvariantCulture), type);
                break;
            default:
                importer.Write(Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text);
                break;
        }
    }

    private static long ToLong(object value) => value is bool b ? (b ? 1 : 0) : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static Dictionary<string, NpgsqlDbType> ColumnTypes(NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        using var cmd = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            connection, transaction);
        cmd.Parameters.AddWithValue("table", table);
        using var r = cmd.ExecuteReader();
        var map = new Dictionary<string, NpgsqlDbType>(StringComparer.Ordinal);
        while (r.Read())
        {
            map[r.GetString(0)] = r.GetString(1) switch
            {
                "bigint" => NpgsqlDbType.Bigint,
                "integer" => NpgsqlDbType.Integer,
                "double precision" => NpgsqlDbType.Double,
                _ => NpgsqlDbType.Text,
            };
        }
        return map;
    }
}
