using Spectre.Console;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;
using Vigil.Storage.Backends;

namespace Vigil.Cli.Commands;

/// <summary>Brings a database's schema up to date (every other command also does, on open).</summary>
public sealed class DbMigrateCommand(CliOutput output, TimeProvider clock) : Command<DatabaseSettings>
{
    public override int Execute(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        using var db = settings.OpenStore(clock);
        output.Console.WriteLine($"{db.Location}: schema version {db.SchemaVersion} (the newest this Vigil knows is {DatabaseLocation.LatestSchemaVersion})");
        return ExitCodes.Success;
    }
}
