using System.Data.Common;

namespace Vigil.Storage.Relational;

/// <summary>
/// A prepared statement run once per row in bulk writes, with its parameters set by position (in the
/// order they appear in the SQL). Back-ends may implement it closer to the metal than ADO.NET.
/// </summary>
public interface IRowCommand : IDisposable
{
    /// <summary>Sets the 0-based parameter; null means SQL NULL.</summary>
    void Set(int index, object? value);

    /// <summary>Runs the statement; returns the number of rows changed.</summary>
    int Execute();

    /// <summary>Runs an INSERT and returns the id the database gave the new row.</summary>
    long ExecuteInsert();
}

/// <summary>The portable <see cref="IRowCommand"/>: an ADO.NET command, ids through <c>RETURNING id</c>.</summary>
public sealed class DbRowCommand : IRowCommand
{
    private readonly DbCommand _command;

    public DbRowCommand(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> parameters, bool returnsId)
    {
        _command = Commands.Create(connection, transaction, returnsId ? sql + " RETURNING id" : sql, parameters);
        _command.Prepare();
    }

    public void Set(int index, object? value) => _command.Parameters[index].Value = value ?? DBNull.Value;

    public int Execute() => _command.ExecuteNonQuery();

    public long ExecuteInsert() => Convert.ToInt64(_command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _command.Dispose();
}
