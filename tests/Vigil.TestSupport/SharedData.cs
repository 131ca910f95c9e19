using Xunit;

namespace Vigil.TestSupport;

/// <summary>
/// The real third-party files in ../shared/data/raw (beside the repository). A user's clone has no
/// ../shared: tests that need it skip with a message saying so. Under CI=true they must run, so a
/// missing folder fails instead.
/// </summary>
public static class SharedData
{
    public static string? Root { get; } = Find();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of a file under ../shared/data/raw; skips (or fails under CI) when absent.</summary>
    public static string Raw(string relativePath)
    {
        if (Root is null)
        {
            var message = "needs ../shared/data/raw beside the repository (the team's real-data folder); it is not part of a clone";
            if (IsCi)
                Assert.Fail("CI=true but " + message);
            Assert.Skip(message);
        }
        var path = Path.Combine(Root, relativePath);
        Assert.True(File.Exists(path), $"expected the real data file {path}");
        return path;
    }

    /// <summary>A founding document in ../shared/seed (beside data/raw); skips (or fails under CI) when ../shared is absent.</summary>
    public static string Seed(string name)
    {
        var index = Raw("INDEX.md");
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(index)!, "..", "..", "seed", name));
        Assert.True(File.Exists(path), $"expected the seed document {path}");
        return path;
    }

    public static string UcdpRaw => Raw("ucdp-ged-pakistan-hdx/conflict_data_pak.csv");
    public static string PbcSuicide => Raw("pbc-pakistan-suicide-drone/PakistanSuicideAttacks.csv");
    public static string PbcDrone => Raw("pbc-pakistan-suicide-drone/PakistanDroneAttacks.csv");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "raw");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "INDEX.md")))
                return candidate;
        }
        return null;
    }
}
