using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

public sealed class StartAndHelpTests : IDisposable
{
    private readonly Cli _cli = new();

    /// <summary>Data rows and the start dates of one country's rows of a bundled file, read by the test itself.</summary>
    private static (int Rows, List<DateOnly> Starts) Read(string path, string country)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var (rows, starts) = (0, new List<DateOnly>());
        while (parser.ReadFields() is { } f)
        {
            if (f.All(v => v.Length == 0 || v.StartsWith('#')))
                continue; // HDX's HXL tag row
            rows++;
            if (f[Array.IndexOf(header, "country")] == country)
                starts.Add(DateOnly.Parse(f[Array.IndexOf(header, "date_start")][..10], CultureInfo.InvariantCulture));
        }
        return (rows, starts);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [Fact]
    public void Start_loads_both_bundled_files_once_and_prints_the_latest_months_summary_over_both()
    {
        var ged = Read(RepoFiles.BundledUcdp, "Pakistan");
        var candidate = Read(RepoFiles.BundledUcdpCandidate, "Pakistan");
        var latest = candidate.Starts.Concat(ged.Starts).Max();

        var first = _cli.Run("start");
        var second = _cli.Run("start");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains($"loaded {N(ged.Rows)} incidents of ucdp-ged", first.Output, StringComparison.Ordinal);
        Assert.Contains($"loaded {N(candidate.Rows)} incidents of ucdp-candidate", first.Output, StringComparison.Ordinal);
        Assert.Contains($"Security summary: {latest.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}, Pakistan", first.Output, StringComparison.Ordinal);
        Assert.Contains("Datasets: UCDP GED + UCDP Candidate, linked", first.Output, StringComparison.Ordinal);
        Assert.Contains("--country Afghanistan --dataset ucdp-candidate --month 2026-07", first.Output, StringComparison.Ordinal);
        Assert.Contains("UCDP Candidate 2026 (CC BY 4.0; provisional)", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("loaded", second.Output, StringComparison.Ordinal);
        Assert.Contains($"{N(ged.Rows + candidate.Rows)} incidents", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_for_both_countries_on_the_bundled_data_counts_each_countrys_candidate_events()
    {
        var afghan = Read(RepoFiles.BundledUcdpCandidate, "Afghanistan").Starts.Count(d => d.Year == 2026 && d.Month == 7);
        var pakistani = Read(RepoFiles.BundledUcdpCandidate, "Pakistan").Starts.Count(d => d.Year == 2026 && d.Month == 7);
        var md = _cli.Dir.File("both.md");
        _cli.Run("start");

        var result = _cli.Run("report", "monthly", "--month", "2026-07", "--country", "Afghanistan", "--country", "Pakistan", "--dataset", "all", "--format", "md", "--out", md);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"(md, Afghanistan, Pakistan, July 2026, UCDP GED + UCDP Candidate, linked: {afghan + pakistani} incidents)", result.Output, StringComparison.Ordinal);
        Assert.Contains($"| Incidents | **{afghan + pakistani}** |", File.ReadAllText(md), StringComparison.Ordinal);
    }

    public static TheoryData<string> Commands() => [.. CliReference.CommandPaths()];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help(string command)
    {
        // Every command and group of the tree: a description Spectre cannot render (a "[" taken as markup) is a crash.
        var result = _cli.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("USAGE:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        var result = _cli.Run("frobnicate");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("vigil --help", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
