using Vigil.Accountability;
using Vigil.Cli.Infrastructure;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Accountability;

/// <summary>An open database with its accountability service; disposing closes the database.</summary>
internal sealed class AccountabilityAccess : IDisposable
{
    private AccountabilityAccess(IVigilDatabase db, TimeProvider clock)
    {
        Database = db;
        Service = new AccountabilityService(db.Incidents, db.Accountability, clock, db.Datasets);
    }

    public IVigilDatabase Database { get; }
    public AccountabilityService Service { get; }

    public static AccountabilityAccess Open(DatabaseSettings settings, TimeProvider clock) => new(settings.OpenStore(clock), clock);

    public void Dispose() => Database.Dispose();
}
