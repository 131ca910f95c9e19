using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Domain.Errors;

namespace Vigil.Storage.Backends;

/// <summary>
/// What a backup holds, written beside it as FILE.manifest.json: the back-end, the schema version, the
/// file's SHA-256, and each table's row count and checksum at the moment of the backup.
/// </summary>
public sealed record BackupManifest(
    string Backend,
    int SchemaVersion,
    DateTimeOffset CreatedAt,
    string FileSha256,
    IReadOnlyList<TableChecksum> Tables)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string PathFor(string backupFile) => backupFile + ".manifest.json";

    public void Write(string backupFile) => File.WriteAllText(PathFor(backupFile), JsonSerializer.Serialize(this, Json));

    public static BackupManifest Read(string backupFile)
    {
        var path = PathFor(backupFile);
        if (!File.Exists(path))
            throw new VigilException($"{path}: missing; a Vigil backup is the file and its manifest together");
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json)
                ?? throw new VigilException($"{path}: empty manifest");
        }
        catch (JsonException e)
        {
            throw new VigilException($"{path}: line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: not a valid manifest: {e.Message}", e);
        }
    }

    public static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
