using System.Globalization;
using Vigil.Domain.Errors;

namespace Vigil.Storage.Relational;

/// <summary>Brings a database to <see cref="Schema.LatestVersion"/>, one migration per transaction.</summary>
internal sealed class Migrator(RelationalIncidentStore store)
{
    public int Migrate()
    {
        using (var create = store.Connection.BeginTransaction())
        {
            if (store.Dialect.MigrationLockSql is { } lockSql)
                store.Execute(create, lockSql);
            store.Execute(create, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """);
            create.Commit();
        }
        var current = (int)store.ScalarLong(null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        if (current > Schema.LatestVersion)
            throw new VigilException(
                $"{store.Location}: the database is at schema version {current}, newer than this Vigil knows ({Schema.LatestVersion}); upgrade Vigil");

        // Every migration not yet recorded runs, not only those above the highest: versions are taken by parallel work
        // (17 may reach a database before 16 does), and each is recorded by its own number.
        var applied = new HashSet<int>();
        using (var cmd = store.Command(null, "SELECT version FROM schema_migrations"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                applied.Add(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));
        }
        foreach (var migration in Schema.Migrations.Where(m => !applied.Contains(m.Version)))
        {
            using var tx = store.Connection.BeginTransaction();
            // Two processes opening a new database at once: the second waits here, then finds the work done.
            if (store.Dialect.MigrationLockSql is { } lockSql)
                store.Execute(tx, lockSql);
            if (store.ScalarLong(tx, "SELECT COUNT(*) FROM schema_migrations WHERE version = @p0", migration.Version) > 0)
            {
                tx.Commit();
                continue;
            }
            store.Execute(tx, migration.Sql(store.Dialect));
            using (var cmd = store.Command(tx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @at)", "v", "n", "at"))
            {
                cmd.Parameters["@v"].Value = migration.Version;
                cmd.Parameters["@n"].Value = migration.Name;
                cmd.Parameters["@at"].Value = store.Clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return Math.Max(current, Schema.LatestVersion);
    }
}
