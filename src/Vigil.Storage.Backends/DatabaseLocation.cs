using Vigil.Domain.Errors;
using Vigil.Storage.Postgres;
using Vigil.Storage.Relational;
using Vigil.Storage.Sqlite;

namespace Vigil.Storage.Backends;

public enum Backend
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where a Vigil database lives, as users write it: a SQLite file path (optionally <c>sqlite:PATH</c>), or a
/// PostgreSQL address (<c>postgres://user@host:port/db</c>, <c>postgres:Host=...;Database=...</c>, or Npgsql
/// keywords with a Host).
/// </summary>
public sealed record DatabaseLocation(Backend Backend, string Target)
{
    public static DatabaseLocation Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new VigilException("no database given");
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
            return new(Backend.Sqlite, text["sqlite:".Length..]);
        if (text.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
            return new(Backend.Postgres, text["postgres:".Length..]);
        if (text.StartsWith("postgresql:", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new(Backend.Postgres, text["postgresql:".Length..]);
        return PostgresConnectionString.Looks(text) ? new(Backend.Postgres, text) : new(Backend.Sqlite, text);
    }

    /// <summary>The newest schema version this Vigil knows (the version a database is migrated to on open).</summary>
    public static int LatestSchemaVersion => Schema.LatestVersion;

    /// <summary>Opens (creating and migrating when needed) the database, which hands out its stores.</summary>
    public IVigilDatabase Open(TimeProvider? clock = null, bool migrated = false) => new RelationalDatabase(OpenRelational(clock, migrated));

    /// <summary>
    /// Opens the database as it was at <paramref name="moment"/> (read-only): every list, statistic and report read
    /// through it sees no edit, merge, link, deletion or import made after that moment.
    /// </summary>
    public IVigilDatabase OpenAsOf(DateTimeOffset moment, TimeProvider? clock = null, bool migrated = false)
    {
        RelationalIncidentStore store = Backend switch
        {
            Backend.Postgres => PostgresIncidentStore.Open(Target, clock, migrated, pooled: false),
            _ => SqliteIncidentStore.Open(Target, clock, migrated),
        };
        try
        {
            return RelationalDatabase.AsOfMoment(store, moment);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Opens the database now (<paramref name="asOf"/> null) or as of a past moment.</summary>
    public IVigilDatabase OpenAt(DateTimeOffset? asOf, TimeProvider? clock = null, bool migrated = false) =>
        asOf is { } moment ? OpenAsOf(moment, clock, migrated) : Open(clock, migrated);

    /// <summary>The relational store itself, for the storage projects' whole-database tools (copy, backup, checksums).</summary>
    public RelationalIncidentStore OpenRelational(TimeProvider? clock = null, bool migrated = false) => Backend switch
    {
        Backend.Postgres => PostgresIncidentStore.Open(Target, clock, migrated),
        _ => SqliteIncidentStore.Open(Target, clock, migrated),
    };

    public override string ToString() => Backend == Backend.Postgres
        ? PostgresConnectionString.Describe(PostgresConnectionString.Parse(Target))
        : Target;
}
