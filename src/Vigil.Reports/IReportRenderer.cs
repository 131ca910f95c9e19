using Vigil.Reports.Model;

namespace Vigil.Reports;

/// <summary>
/// Lays out a <see cref="MonthlyReport"/> in one file format. A renderer writes its output atomically:
/// after a failure the previous file (or none) is in place, never half a report.
/// </summary>
public interface IReportRenderer
{
    /// <summary>The format's short name as a user types it: "html", "md", "pdf".</summary>
    string Format { get; }

    /// <summary>The usual file extension, with its dot.</summary>
    string Extension { get; }

    /// <exception cref="ReportWriteException">The output could not be written.</exception>
    void Render(MonthlyReport report, string outputPath);
}

/// <summary>The renderers Vigil ships.</summary>
public static class ReportRenderers
{
    public static IReadOnlyList<IReportRenderer> All { get; } =
        [new Html.HtmlReportRenderer(), new Markdown.MarkdownReportRenderer(), new Pdf.PdfReportRenderer()];

    /// <summary>The renderer of a format ("html", "md", "pdf"; "markdown" too), or null.</summary>
    public static IReportRenderer? For(string format)
    {
        var name = string.Equals(format, "markdown", StringComparison.OrdinalIgnoreCase) ? "md" : format;
        return All.FirstOrDefault(r => string.Equals(r.Format, name, StringComparison.OrdinalIgnoreCase));
    }
}
