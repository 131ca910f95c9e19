namespace Vigil.TestSupport;

/// <summary>Files of the repository itself (always present in a clone).</summary>
public static class RepoFiles
{
    public static string Root { get; } = Find();

    /// <summary>The UCDP GED Pakistan file bundled with Vigil (data/ucdp).</summary>
    public static string BundledUcdp => Path.Combine(Root, "data", "ucdp", "conflict_data_pak.csv");

    /// <summary>The UCDP Candidate file bundled with Vigil (data/ucdp-candidate): Afghanistan and Pakistan, January–July 2026.</summary>
    public static string BundledUcdpCandidate => Path.Combine(Root, "data", "ucdp-candidate", "ucdp_candidate_2026_afpak.csv");

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Vigil.slnx) above " + AppContext.BaseDirectory);
    }
}
