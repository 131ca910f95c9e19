using Npgsql;
using Vigil.Storage.Relational;

namespace Vigil.Storage.Postgres;

/// <summary>
/// A bulk-write statement on Npgsql. Values are sent with the types PostgreSQL expects of the portable
/// schema (booleans as integers); the connection's automatic preparation prepares it after a few runs.
/// </summary>
internal sealed class PostgresRowCommand : IRowCommand
{
    private readonly NpgsqlCommand _command;

    public PostgresRowCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, IReadOnlyList<string> parameters)
    {
        _command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var name in parameters)
            _command.Parameters.Add(new NpgsqlParameter("@" + name, DBNull.Value));
    }

    public void Set(int index, object? value) => _command.Parameters[index].Value = value switch
    {
        null => DBNull.Value,
        bool b => b ? 1 : 0,
        _ => value,
    };

    public int Execute() => _command.ExecuteNonQuery();

    public long ExecuteInsert() => Convert.ToInt64(_command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _command.Dispose();
}
