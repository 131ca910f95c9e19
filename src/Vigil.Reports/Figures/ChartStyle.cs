using ScottPlot;
using SkiaSharp;
using Vigil.Reports.Fonts;

namespace Vigil.Reports.Figures;

/// <summary>Colours and type shared by the report's charts and map.</summary>
internal static class ChartStyle
{
    public static readonly Color Incidents = Color.FromHex("#5B7FA6");
    public static readonly Color IncidentsThisMonth = Color.FromHex("#1F3F66");
    public static readonly Color Killed = Color.FromHex("#B22222");
    public static readonly Color Injured = Color.FromHex("#E08A1E");
    public static readonly Color Text = Color.FromHex("#222222");
    public static readonly Color Muted = Color.FromHex("#666666");
    public static readonly Color Grid = Color.FromHex("#E3E3E3");

    public const float TitleSize = 15;
    public const float LabelSize = 12;
    public const float TickSize = 11;

    /// <summary>A plot with the bundled font everywhere, a white background and a light grid.</summary>
    public static Plot NewPlot()
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(BundledFonts.Family);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Grid;
        plot.Axes.Color(Text);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = TickSize;
            axis.Label.FontSize = LabelSize;
            axis.Label.Bold = false;
        }
        return plot;
    }

    public static void SetTitle(Plot plot, string title)
    {
        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.Bold = true;
        // Bold alone does not change a typeface ScottPlot already resolved; hand it the bold face.
        plot.Axes.Title.Label.Font = ScottPlot.Fonts.GetTypeface(BundledFonts.Family, true, false);
        plot.Axes.Title.Label.ForeColor = Text;
    }

    /// <summary>Width of a text in the bundled font, to size margins before drawing.</summary>
    public static float MeasureText(string text, float size, bool bold = false)
    {
        ChartFonts.EnsureRegistered();
        // ScottPlot caches the typeface: it is not ours to dispose.
        var typeface = ScottPlot.Fonts.GetTypeface(BundledFonts.Family, bold, false);
        using var font = new SKFont(typeface, size);
        return font.MeasureText(text);
    }
}
