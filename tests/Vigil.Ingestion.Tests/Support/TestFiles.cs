using Vigil.TestSupport;

namespace Vigil.Ingestion.Tests.Support;

/// <summary>The files committed beside these tests.</summary>
internal static class TestFiles
{
    private static string Folder => RepoFiles.Path_("tests", "Vigil.Ingestion.Tests");

    public static string Fixture(string name) => Path.Combine(Folder, "Fixtures", name);

    public static string BadInput(string name) => Path.Combine(Folder, "BadInput", name);
}
