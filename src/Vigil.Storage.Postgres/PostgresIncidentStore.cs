using Npgsql;
using Vigil.Domain.Errors;
using Vigil.Storage.Relational;

namespace Vigil.Storage.Postgres;

/// <summary>
/// The shared store: one PostgreSQL database for several analysts, the API and the dashboard. The schema and
/// SQL are the portable ones of <see cref="RelationalIncidentStore"/>; an import into an empty dataset loads
/// its rows through binary COPY. A committed transaction is durable by PostgreSQL's own guarantees (WAL,
/// synchronous_commit on by default).
/// </summary>
public sealed class PostgresIncidentStore : RelationalIncidentStore
{
    private PostgresIncidentStore(NpgsqlConnection connection, TimeProvider clock, string location, bool migrate)
        : base(connection, PostgresDialect.Instance, clock, location, migrate)
    {
    }

    /// <param name="connectionString">A URI (postgres://user@host:port/db) or Npgsql keywords (Host=...;Database=...).</param>
    /// <param name="clock">The clock for timestamps.</param>
    /// <param name="migrated">True when this process has already migrated this database: skips the schema check.</param>
    /// <param name="pooled">False for a connection whose session state (temporary views) must end with it.</param>
    public static PostgresIncidentStore Open(string connectionString, TimeProvider? clock = null, bool migrated = false, bool pooled = true)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        if (!pooled)
            builder.Pooling = false;
        var location = PostgresConnectionString.Describe(builder);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return new PostgresIncidentStore(connection, clock ?? TimeProvider.System, location, !migrated);
        }
        catch (NpgsqlException e)
        {
            connection.Dispose();
            throw new VigilException($"{location}: cannot open as a Vigil database: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs PostgreSQL's checks that need no extension: every table readable, every index valid.</summary>
    public override IReadOnlyList<string> CheckIntegrity()
    {
        var findings = new List<string>();
        using (var cmd = Connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                findings.Add($"index {r.GetString(0)} is not valid");
        }
        foreach (var table in new[] { "incidents", "incident_sources", "revisions", "imports", "monthly_rollup" })
        {
            using var cmd = Connection.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
            cmd.ExecuteScalar();
        }
        return findings.Count == 0 ? ["ok"] : findings;
    }
}
