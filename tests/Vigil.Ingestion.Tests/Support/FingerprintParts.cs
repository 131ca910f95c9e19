using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests.Support;

/// <summary><see cref="StoreFingerprint"/> split by table ("incidents" → "6416:ab12...").</summary>
internal static class FingerprintParts
{
    public static IReadOnlyDictionary<string, string> Of(string databasePath) =>
        StoreFingerprint.Of(databasePath).Split(' ')
            .Select(part => part.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
