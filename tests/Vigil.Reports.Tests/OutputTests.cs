using Vigil.TestSupport;

namespace Vigil.Reports.Tests;

public sealed class OutputTests
{
    /// <summary>Figures take most of the rendering time and are not what these tests are about.</summary>
    private static Model.MonthlyReport WithoutFigures() =>
        SampleReport.Create() with { Trend = [], ByProvince = [], Scope = "Atlantis", Districts = [] };

    [Theory]
    [InlineData("html")]
    [InlineData("md")]
    [InlineData("pdf")]
    public void A_report_that_cannot_be_put_in_place_fails_naming_the_path_and_leaves_no_partial_file(string format)
    {
        using var folder = new TempDirectory();
        var renderer = ReportRenderers.For(format)!;
        // A folder where the report should go: the finished .partial file cannot be moved over it.
        var path = folder.File("occupied" + renderer.Extension);
        Directory.CreateDirectory(path);

        var error = Assert.Throws<ReportWriteException>(() => renderer.Render(WithoutFigures(), path));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.partial", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetDirectories(folder.Path, "*.partial"));
        Assert.True(Directory.Exists(path));
    }

    [Theory]
    [InlineData("html")]
    [InlineData("md")]
    [InlineData("pdf")]
    public void A_report_replaces_the_previous_file_whole(string format)
    {
        using var folder = new TempDirectory();
        var renderer = ReportRenderers.For(format)!;
        var path = folder.Write("previous" + renderer.Extension, "an older report");

        renderer.Render(WithoutFigures(), path);

        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 2_000);
        Assert.DoesNotContain("an older report", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.partial", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("html", "html")]
    [InlineData("HTML", "html")]
    [InlineData("markdown", "md")]
    [InlineData("md", "md")]
    [InlineData("pdf", "pdf")]
    public void Renderers_are_found_by_format_name(string asked, string format) =>
        Assert.Equal(format, ReportRenderers.For(asked)?.Format);

    [Fact]
    public void An_unknown_format_has_no_renderer() => Assert.Null(ReportRenderers.For("docx"));
}
