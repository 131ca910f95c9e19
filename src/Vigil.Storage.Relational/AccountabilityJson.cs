using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Storage.Relational;

/// <summary>How the accountability tables keep lists and small records in JSON text columns.</summary>
internal static class AccountabilityJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string? WriteOrNull<T>(T? value) where T : class => value is null ? null : Write(value);

    public static T Read<T>(string text) =>
        JsonSerializer.Deserialize<T>(text, Options) ?? throw new InvalidDataException("null where a value was stored");

    public static T? ReadOrNull<T>(string? text) where T : class => text is null ? null : Read<T>(text);
}
