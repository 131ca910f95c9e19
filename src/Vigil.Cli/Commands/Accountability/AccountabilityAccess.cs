using Vigil.Accountability;
using Vigil.Cli.Infrastructure;
using Vigil.Storage.Relational;

namespace Vigil.Cli.Commands.Accountability;

/// <summary>An open database with its accountability service; disposing closes the database.</summary>
internal sealed class AccountabilityAccess : IDisposable
{
    private AccountabilityAccess(RelationalIncidentStore store, TimeProvider clock)
    {
        Incidents = store;
        Service = new AccountabilityService(store, new RelationalAccountabilityStore(store), clock);
    }

    public RelationalIncidentStore Incidents { get; }
    public AccountabilityService Service { get; }

    public static AccountabilityAccess Open(DatabaseSettings settings, TimeProvider clock) => new(settings.OpenStore(clock), clock);

    public void Dispose() => Incidents.Dispose();
}
