using System.Text;
using Vigil.Cli.Infrastructure;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public ReportCommandTests() => Assert.Equal(0, _cli.Run("import", RepoFiles.BundledUcdp).ExitCode);

    [Fact]
    public void The_html_report_carries_the_months_figures_from_the_data()
    {
        var out_ = _cli.Dir.File("report.html");

        var result = _cli.Run("report", "monthly", "--month", "2021-12", "--format", "html", "--out", out_);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var html = File.ReadAllText(out_);
        Assert.Contains("Security assessment — December 2021", html, StringComparison.Ordinal);
        // 18 incidents and 37 killed in December 2021 (see the summary tests); November had 10 and 18.
        Assert.Contains("+8 (+80.0%) on November 2021", html, StringComparison.Ordinal);
        Assert.Contains("+19 (+105.6%) on November 2021", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("UCDP GED (ucdp-ged)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_findings_saved_with_report_notes_are_printed_first_in_that_months_report()
    {
        var findings = _cli.Dir.File("findings.md");
        File.WriteAllText(findings, "- Attacks in *Bannu* doubled.\n");
        var md = _cli.Dir.File("r.md");

        var saved = _cli.Run("report", "notes", "--month", "2021-12", "--set", findings, "--by", "amina");
        var shown = _cli.Run("report", "notes", "--month", "2021-12");
        var other = _cli.Run("report", "notes", "--month", "2021-12", "--province", "Sindh");
        var history = _cli.Run("report", "notes", "--month", "2021-12", "--history");
        var report = _cli.Run("report", "monthly", "--month", "2021-12", "--format", "md", "--out", md);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success, ExitCodes.Success), (saved.ExitCode, shown.ExitCode, report.ExitCode));
        Assert.Contains("saved the key findings for 2021-12, Pakistan · UCDP GED", saved.Output, StringComparison.Ordinal);
        Assert.Contains("- Attacks in *Bannu* doubled.", shown.Output, StringComparison.Ordinal);
        Assert.Contains("No key findings were written", other.Output, StringComparison.Ordinal);
        Assert.Contains("by amina", history.Output, StringComparison.Ordinal);
        var text = File.ReadAllText(md);
        Assert.InRange(text.IndexOf("- Attacks in *Bannu* doubled.", StringComparison.Ordinal), 0, text.IndexOf("## Headline figures", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--set", "missing.md")]
    [InlineData("--month", "2021-13")]
    public void Report_notes_refuses_a_missing_file_or_a_bad_month(string option, string value)
    {
        var result = option == "--set"
            ? _cli.Run("report", "notes", "--month", "2021-12", "--set", _cli.Dir.File(value))
            : _cli.Run("report", "notes", option, value);

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.Contains(option == "--set" ? "no such file" : "--month", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_and_markdown_reports_are_written_whole()
    {
        var pdf = _cli.Dir.File("r.pdf");
        var md = _cli.Dir.File("r.md");

        Assert.Equal(ExitCodes.Success, _cli.Run("report", "monthly", "--month", "2014-06", "--format", "pdf", "--out", pdf).ExitCode);
        Assert.Equal(ExitCodes.Success, _cli.Run("report", "monthly", "--month", "2014-06", "--format", "md", "--province", "KPK", "--out", md).ExitCode);

        Assert.Equal("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(pdf).AsSpan(0, 4)));
        Assert.False(File.Exists(pdf + ".partial"));
        Assert.Contains("Khyber Pakhtunkhwa", File.ReadAllText(md), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_cli.Dir.Path, "r-assets", "map.png")));
    }

    [Fact]
    public void A_month_that_is_not_a_month_is_a_usage_error()
    {
        var result = _cli.Run("report", "monthly", "--month", "2021", "--format", "html");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--month", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
