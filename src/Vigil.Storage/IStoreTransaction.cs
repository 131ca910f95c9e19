namespace Vigil.Storage;

/// <summary>
/// An open write transaction of one database, handed by a store to a caller's callback so that writes to several
/// stores (the candidate queue and the accountability store, say) commit together or not at all. Only the store
/// that opened it may commit it; a callback only passes it on.
/// </summary>
public interface IStoreTransaction
{
    /// <summary>What the database is called in messages.</summary>
    string Location { get; }
}
