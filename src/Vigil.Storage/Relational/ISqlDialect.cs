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
}
