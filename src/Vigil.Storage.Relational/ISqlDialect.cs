using System.Data.Common;

namespace Vigil.Storage.Relational;

/// <summary>
/// The few things that differ between the SQL databases Vigil runs on. Everything else in
/// <see cref="RelationalIncidentStore"/> is portable SQL (no vendor functions, text ISO dates), which is
/// also what a distributed PostgreSQL (Citus) accepts.
/// </summary>
public interface ISqlDialect
{
    /// <summary>"sqlite", "postgresql".</summary>
    string Name { get; }

    /// <summary>The column definition of a never-reused, database-assigned 64-bit key.</summary>
    string IdentityPrimaryKey { get; }

    bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// What follows CREATE TABLE (...) for a child table keyed by (incident_id, n) so that its rows are
    /// stored in key order (SQLite: WITHOUT ROWID); empty where the database has no such option.
    /// </summary>
    string ClusteredByKey { get; }

    /// <summary>
    /// Prepares a statement for bulk writes (parameters named <c>@name</c> in <paramref name="sql"/>, each
    /// once, set by position). <paramref name="returnsId"/>: the statement is an INSERT whose new id is wanted.
    /// </summary>
    IRowCommand PrepareRowCommand(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> parameters, bool returnsId);

    /// <summary>
    /// Whether a second command may run on the connection while a reader is still open (SQLite: yes;
    /// PostgreSQL: no). Without it, incidents with their sources are read in one joined query.
    /// </summary>
    bool InterleavedReaders => true;

    /// <summary>
    /// A statement that makes concurrent migrations wait for each other inside their transactions, or null
    /// where a write transaction already excludes other writers (SQLite's BEGIN IMMEDIATE).
    /// </summary>
    string? MigrationLockSql => null;

    /// <summary>
    /// After rows were written with explicit ids: the statement that moves the table's id generator past
    /// them, or null where the database does so by itself (SQLite's AUTOINCREMENT).
    /// </summary>
    string? IdentityResetSql(string table) => null;

    /// <summary>The database's bulk loader, or null when row-by-row inserts are the fastest it has.</summary>
    IBulkLoader? BulkLoader => null;

    /// <summary>The database's full-text index of incidents.</summary>
    ISearchIndex Search { get; }
}
