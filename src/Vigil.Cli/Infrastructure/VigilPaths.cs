namespace Vigil.Cli.Infrastructure;

/// <summary>Default locations: the database file and the bundled data shipped beside the program.</summary>
public static class VigilPaths
{
    public const string DatabaseVariable = "VIGIL_DB";

    /// <summary>--db when given, else $VIGIL_DB, else vigil.db in the current folder.</summary>
    public static string Database(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
            return given;
        var fromEnvironment = Environment.GetEnvironmentVariable(DatabaseVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? "vigil.db" : fromEnvironment;
    }

    /// <summary>The UCDP GED Pakistan file shipped with Vigil (1989–2021).</summary>
    public static string BundledUcdp => Path.Combine(AppContext.BaseDirectory, "data", "ucdp", "conflict_data_pak.csv");

    /// <summary>The UCDP Candidate file shipped with Vigil: Afghanistan and Pakistan, January–July 2026, provisional.</summary>
    public static string BundledUcdpCandidate => Path.Combine(AppContext.BaseDirectory, "data", "ucdp-candidate", "ucdp_candidate_2026_afpak.csv");

    /// <summary>The worked example of engagements, commitments and crossings shipped with Vigil.</summary>
    public static string BundledAccountability => Path.Combine(AppContext.BaseDirectory, "data", "accountability", "worked-example.yaml");
}
