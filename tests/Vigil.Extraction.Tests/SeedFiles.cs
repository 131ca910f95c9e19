using Vigil.TestSupport;

namespace Vigil.Extraction.Tests;

/// <summary>The founding editorial in ../shared/seed (read in place; its text is not copied into the project).</summary>
internal static class SeedFiles
{
    public static string Editorial
    {
        get
        {
            // SharedData.Raw skips (or fails under CI=true) when ../shared is absent.
            var index = SharedData.Raw("INDEX.md");
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(index)!, "..", "..", "seed", "editorial-2023-02-24.txt"));
            Assert.True(File.Exists(path), $"expected the seed editorial at {path}");
            return path;
        }
    }
}
