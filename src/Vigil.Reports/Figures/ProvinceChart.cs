using ScottPlot;
using ScottPlot.TickGenerators;
using Vigil.Reports.Model;

namespace Vigil.Reports.Figures;

/// <summary>Killed by province this month as horizontal bars, most killed on top, each bar labelled with its number.</summary>
internal static class ProvinceChart
{
    private const int Width = 800;
    private const int RowHeight = 34;
    private const float Top = 44;
    private const float Bottom = 40;

    public static ReportFigure? Create(IReadOnlyList<BreakdownRow> byProvince, string month)
    {
        if (byProvince.Count == 0)
            return null;
        var rows = byProvince.OrderByDescending(r => r.Killed).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var title = $"People killed by province, {ReportText.MonthName(month)}";
        var description = title + ": " + string.Join("; ", rows.Select(r => $"{r.Name} {ReportText.Number(r.Killed)}")) + ".";
        var height = (int)(Top + Bottom + (RowHeight * rows.Count));
        var left = 16 + rows.Max(r => ChartStyle.MeasureText(r.Name, ChartStyle.TickSize + 1));
        return new ReportFigure("provinces", title, description, Width, height, canvas =>
        {
            using var plot = Build(rows, title);
            plot.Layout.Fixed(new PixelPadding(left, 56, Bottom, Top));
            plot.Render(canvas, new PixelRect(0, Width, height, 0));
        });
    }

    private static Plot Build(List<BreakdownRow> rows, string title)
    {
        var plot = ChartStyle.NewPlot();
        var ticks = new NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            double position = rows.Count - 1 - i;
            bars.Add(new Bar
            {
                Position = position,
                Value = rows[i].Killed ?? 0,
                FillColor = ChartStyle.Killed,
                LineWidth = 0,
                Size = 0.7,
                Label = ReportText.Number(rows[i].Killed),
                CenterLabel = false,
            });
            ticks.AddMajor(position, rows[i].Name);
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = ChartStyle.TickSize + 1;
        barPlot.ValueLabelStyle.FontName = Fonts.BundledFonts.Family;
        barPlot.ValueLabelStyle.ForeColor = ChartStyle.Text;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = ChartStyle.TickSize + 1;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Grid.YAxisStyle.IsVisible = false;
        ChartStyle.SetTitle(plot, title);
        plot.XLabel("Killed");
        var max = rows.Max(r => r.Killed ?? 0);
        plot.Axes.SetLimitsX(0, Math.Max(1, max * 1.12));
        plot.Axes.SetLimitsY(-0.6, rows.Count - 0.4);
        return plot;
    }
}
