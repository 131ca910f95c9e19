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

    /// <summary>Opens the database: as it is now, or as of the moment a reading command's <c>--as-of</c> gives.</summary>
    /// <exception cref="OptionException">--as-of is not a moment (exit code 2).</exception>
    public IVigilDatabase OpenStore(TimeProvider clock) => this is IAsOfSettings { AsOf: { } moment }
        ? Location.OpenAsOf(OptionErrors.Named(() => Domain.Time.Moment.Parse(moment, "as_of")), clock)
        : Location.Open(clock);

    /// <summary>The same, saying on standard error when the answers are as of a past moment (whatever the output format).</summary>
    public IVigilDatabase OpenStore(TimeProvider clock, CliOutput output)
    {
        var db = OpenStore(clock);
        if (db.AsOf is { } at)
            output.Error.WriteLine($"vigil: answers as of {Domain.Time.Moment.Label(at)}: the data as they were then (changes since are not seen)");
        return db;
    }
}
