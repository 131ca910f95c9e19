using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Vigil.TestSupport;

/// <summary>
/// Everything a test needs to say "the database did not change": for every table, the row count and a
/// SHA-256 of all its rows in key order, read straight from the SQLite file.
/// </summary>
public static class StoreFingerprint
{
    private static readonly (string Table, string Order)[] Tables =
    [
        ("incidents", "id"), ("incident_sources", "incident_id, ordinal"), ("revisions", "incident_id, number"), ("imports", "id"),
    ];

    public static string Of(string databasePath)
    {
        if (!File.Exists(databasePath))
            return "(no database)";
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var parts = new List<string>();
        foreach (var (table, order) in Tables)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table} ORDER BY {order}";
            using var r = cmd.ExecuteReader();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            while (r.Read())
            {
                rows++;
                for (var i = 0; i < r.FieldCount; i++)
                    hash.AppendData(Encoding.UTF8.GetBytes((r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)) + "\u001f"));
            }
            parts.Add($"{table}={rows}:{Convert.ToHexStringLower(hash.GetCurrentHash())[..16]}");
        }
        return string.Join(" ", parts);
    }
}
