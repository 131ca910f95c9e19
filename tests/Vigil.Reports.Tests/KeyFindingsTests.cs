using Vigil.Reports.Model;
using Vigil.TestSupport;

namespace Vigil.Reports.Tests;

/// <summary>The analysts' key findings: first in every format, theirs by attribution, never able to inject markup.</summary>
public sealed class KeyFindingsTests : IDisposable
{
    private const string Findings = """
        Violence in **Khyber Pakhtunkhwa** rose for the third month running.

        - Attacks on police in *Bannu* doubled
          - two of them with suicide vests
        - The border closure at Torkham held all month

        <script>alert('x')</script>
        """;

    private readonly TempDirectory _dir = new();

    private static MonthlyReport Report() =>
        SampleReport.Create() with { Findings = new KeyFindings(Findings, "amina", "2022-01-03T09:30:00.0000000+00:00") };

    private string Render(string format, MonthlyReport report)
    {
        var path = _dir.File("report" + ReportRenderers.For(format)!.Extension);
        ReportRenderers.For(format)!.Render(report, path);
        return path;
    }

    [Fact]
    public void Html_prints_the_findings_first_as_markdown_with_raw_html_escaped()
    {
        var html = File.ReadAllText(Render("html", Report()));

        var findings = html.IndexOf("<section id=\"key-findings\">", StringComparison.Ordinal);
        Assert.InRange(findings, 0, html.IndexOf("<section id=\"headlines\">", StringComparison.Ordinal));
        Assert.Contains("<strong>Khyber Pakhtunkhwa</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Attacks on police in <em>Bannu</em> doubled", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("saved by amina on 2022-01-03 09:30 UTC; not computed from the data", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_prints_the_findings_as_written_before_the_headline_figures()
    {
        var md = File.ReadAllText(Render("md", Report()));

        var at = md.IndexOf("## Key findings", StringComparison.Ordinal);
        Assert.InRange(at, 0, md.IndexOf("## Headline figures", StringComparison.Ordinal));
        Assert.Contains(Findings.Trim(), md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_findings_has_no_section()
    {
        var html = File.ReadAllText(Render("html", SampleReport.Create()));
        Assert.DoesNotContain("Key findings", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_prints_the_findings_first_as_plain_text_with_bullets()
    {
        var text = PdfText.Of(Render("pdf", Report()));

        var at = text.IndexOf("Key findings", StringComparison.Ordinal);
        Assert.InRange(at, 0, text.IndexOf("INCIDENTS", StringComparison.Ordinal));
        Assert.Contains("Violence in Khyber Pakhtunkhwa rose for the third month running.", text, StringComparison.Ordinal);
        Assert.Contains("• Attacks on police in Bannu doubled", text, StringComparison.Ordinal);
        Assert.Contains("• two of them with suicide vests", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_keep_headings_paragraphs_and_nested_bullets_in_order()
    {
        var blocks = FindingsText.Blocks("# Summary\n\nOne *line*.\n\n1. first\n   - inner\n2. second\n");

        Assert.Equal(
            [
                new FindingsBlock(FindingsBlockKind.Heading, "Summary"),
                new FindingsBlock(FindingsBlockKind.Paragraph, "One line."),
                new FindingsBlock(FindingsBlockKind.Bullet, "first", 0),
                new FindingsBlock(FindingsBlockKind.Bullet, "inner", 1),
                new FindingsBlock(FindingsBlockKind.Bullet, "second", 0),
            ],
            blocks);
    }

    [Fact]
    public void Pdf_tables_never_break_a_date_or_a_number()
    {
        // Wide figures in narrow columns: each date and each figure's words must come out of the PDF whole.
        var report = SampleReport.Create(12) with
        {
            // No sources: their lines, a page wide, would print the dates whole whatever the table did.
            Notable = [.. SampleReport.Create(12).Notable.Select((n, i) => n with { Killed = $"{1000 + i:N0} (9,990–10,{100 + i})", Injured = "1,234,567", Sources = [] })],
        };

        var text = PdfText.Of(Render("pdf", report));

        Assert.All(report.Notable, n =>
        {
            Assert.Contains(n.Date, text, StringComparison.Ordinal);
            Assert.All(n.Killed.Split(' '), word => Assert.Contains(word, text, StringComparison.Ordinal));
        });
        Assert.Contains("1,234,567", text, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>A PDF's text as poppler's pdftotext reads it (required under CI=true; skipped elsewhere when missing).</summary>
internal static class PdfText
{
    public static string Of(string path)
    {
        const string pdftotext = "/usr/bin/pdftotext";
        if (!File.Exists(pdftotext))
        {
            var message = "needs pdftotext to read the PDF's text (apt-get install poppler-utils)";
            if (SharedData.IsCi)
                Assert.Fail("CI=true but " + message);
            Assert.Skip(message);
        }
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(pdftotext, [path, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
