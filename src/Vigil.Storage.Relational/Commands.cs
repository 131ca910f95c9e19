using System.Data.Common;

namespace Vigil.Storage.Relational;

internal static class Commands
{
    /// <summary>A command in a transaction with its <c>@name</c> parameters declared (values null until set).</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<string> parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
