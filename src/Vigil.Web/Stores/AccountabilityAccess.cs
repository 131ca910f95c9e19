using Vigil.Accountability;
using Vigil.Storage;

namespace Vigil.Web.Stores;

/// <summary>A request's store with its accountability service ("today" from the server's clock).</summary>
public sealed class AccountabilityScope(IVigilDatabase db, TimeProvider clock) : IDisposable
{
    public AccountabilityService Service { get; } = new(db.Incidents, db.Accountability, clock, db.Datasets);

    public void Dispose() => db.Dispose();
}

public static class AccountabilityAccessExtensions
{
    public static AccountabilityScope OpenAccountability(this StoreAccess stores, TimeProvider clock) => new(stores.Open(), clock);
}
