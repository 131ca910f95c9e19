using Microsoft.Data.Sqlite;
using Vigil.Domain.Errors;
using Vigil.Storage.Relational;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, created and migrated on open. Commits are synchronous
/// (synchronous=FULL), so an acknowledged write survives a crash of the process or the machine.
/// </summary>
public sealed class SqliteIncidentStore : RelationalIncidentStore
{
    private SqliteIncidentStore(SqliteConnection connection, TimeProvider clock, string path)
        : base(connection, SqliteDialect.Instance, clock, path)
    {
    }

    public static SqliteIncidentStore Open(string path, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
            throw new VigilException($"{path}: the folder {directory} does not exist");

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = """
                    PRAGMA journal_mode = WAL;
                    PRAGMA synchronous = FULL;
                    PRAGMA foreign_keys = ON;
                    PRAGMA busy_timeout = 10000;
                    PRAGMA cache_size = -65536;
                    """;
                cmd.ExecuteNonQuery();
            }
            return new SqliteIncidentStore(connection, clock ?? TimeProvider.System, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new VigilException($"{path}: cannot open as a Vigil database: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs SQLite's own integrity check; returns its findings ("ok" when sound).</summary>
    public IReadOnlyList<string> CheckIntegrity()
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        using var r = cmd.ExecuteReader();
        var findings = new List<string>();
        while (r.Read())
            findings.Add(r.GetString(0));
        return findings;
    }
}
