using System.ComponentModel;
using Spectre.Console.Cli;
using Vigil.Cli.Infrastructure;

namespace Vigil.Cli.Commands.Accountability;

/// <summary>The database and --json, shared by the accountability commands that print.</summary>
public class JsonSettings : TableSettings
{
    [CommandOption("--json")]
    [Description("Print as JSON.")]
    public bool Json { get; init; }
}

/// <summary>Settings of a command about one item, named by its key.</summary>
public class KeySettings : JsonSettings
{
    [CommandArgument(0, "<KEY>")]
    [Description("The item's key.")]
    public string Key { get; init; } = "";
}
