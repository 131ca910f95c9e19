using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigil.Storage;
using Vigil.Storage.Relational;

namespace Vigil.Storage.Backends;

/// <summary>One table's row count and checksum.</summary>
public sealed record TableChecksum(string Table, long Rows, string Checksum);

/// <summary>
/// Row counts and checksums of every table, comparable across back-ends: each value is written in one
/// invariant text form (integers as digits, doubles round-trip, NULL as a mark), each row hashed with
/// SHA-256, and the row hashes added together — so the checksum does not depend on the order a database
/// returns rows in (collations differ between SQLite and PostgreSQL), only on the multiset of rows.
/// </summary>
public static class TableChecksums
{
    /// <summary>Tables whose content legitimately differs between a copy and its original.</summary>
    public static readonly IReadOnlySet<string> CopyLocal = new HashSet<string>(StringComparer.Ordinal) { "schema_migrations" };

    /// <summary>Every table's rows and checksum in an open database.</summary>
    public static IReadOnlyList<TableChecksum> Compute(IVigilDatabase database) =>
        Compute(database is RelationalDatabase r ? r.Store : throw new ArgumentException("not a relational database", nameof(database)));

    public static IReadOnlyList<TableChecksum> Compute(RelationalIncidentStore store, DbTransaction? transaction = null) =>
        Schema.Tables.Select(t => Compute(store.Connection, transaction, t.Name)).ToList();

    public static TableChecksum Compute(DbConnection connection, DbTransaction? transaction, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"SELECT * FROM {table}";
        using var r = cmd.ExecuteReader();
        ulong a = 0, b = 0;
        long rows = 0;
        var text = new StringBuilder();
        Span<byte> hash = stackalloc byte[32];
        while (r.Read())
        {
            rows++;
            text.Clear();
            for (var i = 0; i < r.FieldCount; i++)
                text.Append(Canonical(r.IsDBNull(i) ? null : r.GetValue(i))).Append('\u001f');
            SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
            a += BinaryPrimitives.ReadUInt64LittleEndian(hash);
            b += BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]);
        }
        return new TableChecksum(table, rows, a.ToString("x16", CultureInfo.InvariantCulture) + b.ToString("x16", CultureInfo.InvariantCulture));
    }

    private static string Canonical(object? value) => value switch
    {
        null => "\u2205",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        bool x => x ? "1" : "0",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The tables whose count or checksum differ (ignoring <see cref="CopyLocal"/>).</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<TableChecksum> expected, IReadOnlyList<TableChecksum> actual)
    {
        var found = actual.ToDictionary(c => c.Table, StringComparer.Ordinal);
        return expected.Where(e => !CopyLocal.Contains(e.Table))
            .Where(e => !found.TryGetValue(e.Table, out var a) || a.Rows != e.Rows || a.Checksum != e.Checksum)
            .Select(e => found.TryGetValue(e.Table, out var a)
                ? $"{e.Table}: {e.Rows} rows ({e.Checksum[..12]}) expected, {a.Rows} rows ({a.Checksum[..12]}) found"
                : $"{e.Table}: missing")
            .ToList();
    }
}
