namespace Vigil.Cli.Infrastructure;

/// <summary>
/// Settings of a command that reads and can answer as of a past moment (<c>--as-of</c>): <see cref="DatabaseSettings.OpenStore(TimeProvider)"/>
/// then opens the database as it was then, read-only.
/// </summary>
public interface IAsOfSettings
{
    public const string Option = "--as-of <MOMENT>";

    public const string Help =
        "Answer from the data as it was at this moment (2026-03-31T00:00Z; a date alone is the end of that day, UTC): edits, merges, links, deletions and imports since are not seen.";

    string? AsOf { get; }
}
