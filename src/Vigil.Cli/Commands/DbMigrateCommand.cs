using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Storage.Relational;

namespace Vigil.Cli.Commands;

/// <summary>Brings a database's schema up to date (every other command also does, on open).</summary>
public sealed class DbMigrateCommand(CliOutput output, TimeProvider clock) : Command<DatabaseSettings>
{
    public override int Execute(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenStore(clock);
        output.Console.WriteLine($"{store.Location}: schema version {store.SchemaVersion} (the newest this Vigil knows is {Schema.LatestVersion})");
        return ExitCodes.Success;
    }
}
