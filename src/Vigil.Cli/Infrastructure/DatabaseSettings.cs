using System.ComponentModel;
using Spectre.Console.Cli;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Infrastructure;

/// <summary>The option every command that touches a database shares.</summary>
public class DatabaseSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("The SQLite database file (default: $VIGIL_DB, else ./vigil.db). Created on first use.")]
    public string? Database { get; init; }

    public SqliteIncidentStore OpenStore(TimeProvider clock) => SqliteIncidentStore.Open(VigilPaths.Database(Database), clock);
}
