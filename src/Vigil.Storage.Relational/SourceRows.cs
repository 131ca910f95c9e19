using System.Data.Common;
using System.Text.Json;
using Vigil.Domain.Sources;
using Vigil.Domain.Text;

namespace Vigil.Storage.Relational;

/// <summary>How a registry entry maps to a row of <c>sources</c>, and to the JSON its history keeps.</summary>
internal static class SourceRows
{
    public const string SelectList = "key, name, aliases, type, party_side, reliability, notes";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private sealed record Stored(string Key, string Name, string[] Aliases, SourceType Type, string? PartySide, string Reliability, string? Notes);

    public static string AliasesText(IReadOnlyList<string> aliases) => JsonSerializer.Serialize(aliases);

    public static string TypeText(SourceType type) => EnumText<SourceType>.Format(type);

    public static string Json(SourceEntry e) =>
        JsonSerializer.Serialize(new Stored(e.Key, e.Name, [.. e.Aliases], e.Type, e.PartySide, e.Reliability.ToString(), e.Notes), Options);

    public static SourceEntry? FromJson(string? json)
    {
        if (json is null)
            return null;
        var s = JsonSerializer.Deserialize<Stored>(json, Options)!;
        return new SourceEntry
        {
            Key = s.Key,
            Name = s.Name,
            Aliases = s.Aliases,
            Type = s.Type,
            PartySide = s.PartySide,
            Reliability = s.Reliability[0],
            Notes = s.Notes,
        };
    }

    /// <summary>An entry from a row selected with <see cref="SelectList"/>.</summary>
    public static SourceEntry Read(DbDataReader r) => new()
    {
        Key = r.GetString(0),
        Name = r.GetString(1),
        Aliases = JsonSerializer.Deserialize<string[]>(r.GetString(2)) ?? [],
        Type = EnumText<SourceType>.Parse(r.GetString(3)),
        PartySide = r.IsDBNull(4) ? null : r.GetString(4),
        Reliability = r.GetString(5)[0],
        Notes = r.IsDBNull(6) ? null : r.GetString(6),
    };
}
