using SkiaSharp;
using Vigil.Reports.Figures;
using Vigil.Reports.Fonts;
using Vigil.TestSupport;

namespace Vigil.Reports.Tests;

public sealed class FontTests
{
    [Fact]
    public void The_embedded_fonts_are_DejaVu_Sans_regular_and_bold()
    {
        using var regular = SKTypeface.FromData(SKData.CreateCopy(BundledFonts.Regular));
        using var bold = SKTypeface.FromData(SKData.CreateCopy(BundledFonts.Bold));
        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.Equal((int)SKFontStyleWeight.Normal, regular.FontStyle.Weight);
        Assert.Equal("DejaVu Sans", bold.FamilyName);
        Assert.Equal((int)SKFontStyleWeight.Bold, bold.FontStyle.Weight);
    }

    [Fact]
    public void The_embedded_fonts_are_the_files_in_data_fonts_and_their_licence_is_beside_them()
    {
        Assert.Equal(File.ReadAllBytes(RepoFiles.Path_("data", "fonts", "DejaVuSans.ttf")), BundledFonts.Regular);
        Assert.Equal(File.ReadAllBytes(RepoFiles.Path_("data", "fonts", "DejaVuSans-Bold.ttf")), BundledFonts.Bold);
        var licence = File.ReadAllText(RepoFiles.Path_("data", "fonts", "LICENSE-DejaVu.txt"));
        Assert.Contains("Bitstream Vera Fonts Copyright", licence, StringComparison.Ordinal);
        Assert.Contains("Arev Fonts Copyright", licence, StringComparison.Ordinal);
        Assert.Contains("data/fonts/LICENSE-DejaVu.txt", File.ReadAllText(RepoFiles.Path_("data", "ATTRIBUTION.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void ScottPlot_asks_the_bundled_font_first_so_charts_do_not_depend_on_installed_fonts()
    {
        _ = ReportFigures.For(SampleReport.Create()).Trend!.Png;

        var resolver = ScottPlot.Fonts.FontResolvers[0];
        using var bold = resolver.CreateTypeface(BundledFonts.Family, true, false);
        Assert.NotNull(bold);
        Assert.Equal((int)SKFontStyleWeight.Bold, bold.FontStyle.Weight);
        using var file = bold.OpenStream();
        Assert.Equal(BundledFonts.Bold.Length, file.Length);
        Assert.Null(resolver.CreateTypeface("Arial", false, false));
    }
}
