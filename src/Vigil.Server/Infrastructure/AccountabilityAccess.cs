using Vigil.Accountability;
using Vigil.Storage.Relational;

namespace Vigil.Server.Infrastructure;

/// <summary>A request's store with its accountability service ("today" from the server's clock).</summary>
public sealed class AccountabilityScope(RelationalIncidentStore store, TimeProvider clock) : IDisposable
{
    public AccountabilityService Service { get; } = new(store, new RelationalAccountabilityStore(store), clock);

    public void Dispose() => store.Dispose();
}

public static class AccountabilityAccessExtensions
{
    public static AccountabilityScope OpenAccountability(this StoreAccess stores, TimeProvider clock) => new(stores.Open(), clock);
}
