using Microsoft.Data.Sqlite;
using Vigil.Storage.Backends;

namespace Vigil.TestSupport;

/// <summary>
/// Everything a test needs to say "the database did not change": for the incident tables, the row count and
/// checksum of all their rows (<see cref="TableChecksums"/>), read straight from the SQLite file.
/// </summary>
public static class StoreFingerprint
{
    private static readonly string[] Tables = ["incidents", "incident_sources", "revisions", "imports"];

    public static string Of(string databasePath) => Of(databasePath, Tables);

    /// <summary>The same for the tables named (<c>datasets</c>: what analysts saved about each dataset).</summary>
    public static string Of(string databasePath, params string[] tables)
    {
        if (!File.Exists(databasePath))
            return "(no database)";
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return string.Join(" ", tables.Select(t => TableChecksums.Compute(connection, null, t)).Select(c => $"{c.Table}={c.Rows}:{c.Checksum[..16]}"));
    }
}
