using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Cli.Infrastructure;

/// <summary>The JSON conventions of the command line's --json output: snake_case keys, nulls kept.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
