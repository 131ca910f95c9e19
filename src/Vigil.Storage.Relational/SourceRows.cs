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

    /// <summary>An entry from a row selected with <see cref="SelectList"/> (from column <paramref name="at"/> on).</summary>
    public static SourceEntry Read(DbDataReader r, int at = 0) => new()
    {
        Key = r.GetString(at),
        Name = r.GetString(at + 1),
        Aliases = JsonSerializer.Deserialize<string[]>(r.GetString(at + 2)) ?? [],
        Type = EnumText<SourceType>.Parse(r.GetString(at + 3)),
        PartySide = r.IsDBNull(at + 4) ? null : r.GetString(at + 4),
        Reliability = r.GetString(at + 5)[0],
        Notes = r.IsDBNull(at + 6) ? null : r.GetString(at + 6),
    };

    /// <summary>Writes the entry's row of <c>sources</c> (a new one, or over the one with its key).</summary>
    public static void Save(RelationalIncidentStore store, DbTransaction tx, SourceEntry e, bool insert, string savedAt, string savedBy)
    {
        var sql = insert
            ? "INSERT INTO sources (key, name, aliases, type, party_side, reliability, notes, saved_at, saved_by) VALUES (@key, @name, @aliases, @type, @side, @rel, @notes, @at, @by)"
            : "UPDATE sources SET name = @name, aliases = @aliases, type = @type, party_side = @side, reliability = @rel, notes = @notes, saved_at = @at, saved_by = @by WHERE key = @key";
        using var cmd = store.Command(tx, sql, "key", "name", "aliases", "type", "side", "rel", "notes", "at", "by");
        cmd.Parameters["@key"].Value = e.Key;
        cmd.Parameters["@name"].Value = e.Name;
        cmd.Parameters["@aliases"].Value = AliasesText(e.Aliases);
        cmd.Parameters["@type"].Value = TypeText(e.Type);
        cmd.Parameters["@side"].Value = (object?)e.PartySide ?? DBNull.Value;
        cmd.Parameters["@rel"].Value = e.Reliability.ToString();
        cmd.Parameters["@notes"].Value = (object?)e.Notes ?? DBNull.Value;
        cmd.Parameters["@at"].Value = savedAt;
        cmd.Parameters["@by"].Value = savedBy;
        cmd.ExecuteNonQuery();
    }
}
