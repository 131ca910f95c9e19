using System.Data.Common;
using Vigil.Domain.Errors;

namespace Vigil.Storage.Relational;

/// <summary>The relational stores' <see cref="IStoreTransaction"/>: an ADO.NET transaction on the database's one connection.</summary>
internal sealed class RelationalTransaction(DbTransaction transaction, string location) : IStoreTransaction
{
    public DbTransaction Db { get; } = transaction;

    public string Location { get; } = location;

    /// <summary>The ADO.NET transaction behind a port's transaction (one this project handed out).</summary>
    public static DbTransaction Of(IStoreTransaction tx) =>
        tx is RelationalTransaction r ? r.Db : throw new VigilException($"a transaction of another store was passed to {tx.Location}");
}
