using System.ComponentModel;
using Spectre.Console.Cli;
using Vigil.Storage;
using Vigil.Storage.Backends;

namespace Vigil.Cli.Infrastructure;

/// <summary>The option every command that touches a database shares.</summary>
public class DatabaseSettings : CommandSettings
{
    [CommandOption("--db <DATABASE>")]
    [Description("A SQLite file (created on first use) or a PostgreSQL address (postgres://user@host:port/db, or postgres:Host=...;Database=...). Default: $VIGIL_DB, else ./vigil.db.")]
    public string? Database { get; init; }

    public DatabaseLocation Location => DatabaseLocation.Parse(VigilPaths.Database(Database));

    public IVigilDatabase OpenStore(TimeProvider clock) => Location.Open(clock);
}
