using System.ComponentModel;
using Spectre.Console.Cli;

namespace Vigil.Cli.Infrastructure;

/// <summary>The options of a command that records a decision (review, merge): the database and who decides.</summary>
public class DecisionSettings : DatabaseSettings
{
    [CommandOption("--by <NAME>")]
    [Description("Who decides (default: the user name); recorded with the decision.")]
    public string? By { get; init; }

    public string Who => By ?? Environment.UserName;
}
