using Vigil.Reports.Model;
using Vigil.TestSupport;

namespace Vigil.Reports.Tests;

/// <summary>
/// The sample report rendered once in one format into a private folder, shared read-only by the tests of
/// one class (rendering is the slow part; no test writes to it).
/// </summary>
public abstract class RenderedReport : IDisposable
{
    private readonly TempDirectory _folder = new();

    protected RenderedReport(string format, MonthlyReport report)
    {
        Report = report;
        Renderer = ReportRenderers.For(format) ?? throw new InvalidOperationException($"no renderer for {format}");
        Path = _folder.File("assessment" + Renderer.Extension);
        Renderer.Render(report, Path);
    }

    public MonthlyReport Report { get; }
    public IReportRenderer Renderer { get; }
    public string Path { get; }
    public string Folder => _folder.Path;

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class RenderedHtml() : RenderedReport("html", SampleReport.Create())
{
    public string Text => File.ReadAllText(Path);
}

public sealed class RenderedMarkdown() : RenderedReport("md", SampleReport.Create())
{
    public string Text => File.ReadAllText(Path);
}

public sealed class RenderedPdf() : RenderedReport("pdf", SampleReport.Create());

/// <summary>The same report with 60 notable incidents: several pages of table.</summary>
public sealed class RenderedLongPdf() : RenderedReport("pdf", SampleReport.Create(notableCount: 60));
