using System.Data.Common;
using Microsoft.Data.Sqlite;
using Vigil.Storage.Relational;

namespace Vigil.Storage.Sqlite;

public sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public string Name => "sqlite";

    // AUTOINCREMENT guarantees an id is never reused, even after the highest row is deleted.
    public string IdentityPrimaryKey => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public IRowCommand PrepareRowCommand(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> parameters, bool returnsId) =>
        new SqliteRowCommand((SqliteConnection)connection, sql, parameters.Count);

    public string ClusteredByKey => " WITHOUT ROWID";

    public ISearchIndex Search { get; } = new SqliteSearchIndex();

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } e
        && e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;
}
