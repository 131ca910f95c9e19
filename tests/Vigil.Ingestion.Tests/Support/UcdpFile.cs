using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests.Support;

/// <summary>The two copies of the UCDP GED Pakistan file: the team's raw copy and the one bundled with Vigil.</summary>
internal static class UcdpFile
{
    public const string Shared = "shared";
    public const string Bundled = "bundled";

    /// <summary>The real file: 6,416 events (PRODUCT.md, data/raw/INDEX.md).</summary>
    public const int Events = 6416;

    public static string Path(string copy) => copy switch
    {
        Shared => SharedData.UcdpRaw,
        Bundled => RepoFiles.BundledUcdp,
        _ => throw new ArgumentOutOfRangeException(nameof(copy), copy, null),
    };
}
