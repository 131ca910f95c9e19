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
