using System.Data.Common;

namespace Vigil.Storage.Relational;

/// <summary>
/// A database's fastest way to load many rows inside a transaction (PostgreSQL: binary COPY). A dialect
/// that has one returns it from <see cref="ISqlDialect.BulkLoader"/>; imports into an empty dataset then
/// load their incidents and sources through it in batches instead of one INSERT per row.
/// </summary>
public interface IBulkLoader
{
    /// <summary>Takes <paramref name="count"/> new ids from the table's id generator, in increasing order.</summary>
    long[] ReserveIds(DbConnection connection, DbTransaction transaction, string table, int count);

    /// <summary>Writes the rows (values in <paramref name="columns"/> order; null is SQL NULL) into the table.</summary>
    void Copy(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows);

    /// <summary>
    /// Before a first load into empty tables, inside the load's transaction: drops what checks every row one
    /// at a time (foreign keys) and returns the action that puts it back — checked once over all the rows —
    /// before commit. A rolled-back transaction puts it back by itself.
    /// </summary>
    Action RelaxChecksForEmptyLoad(DbConnection connection, DbTransaction transaction);
}
