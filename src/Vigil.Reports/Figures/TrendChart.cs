using ScottPlot;
using ScottPlot.TickGenerators;
using Vigil.Reports.Model;

namespace Vigil.Reports.Figures;

/// <summary>
/// The months of the trend in two panels over one time axis: incidents as bars above (the report's month
/// darker), killed and injured as lines below. Two panels rather than two y-axes on one, so that no reader
/// compares a bar with a line drawn to another scale.
/// </summary>
internal static class TrendChart
{
    private const int Width = 800;
    private const int TopHeight = 200;
    private const int BottomHeight = 240;
    private const float Left = 64;
    private const float Right = 20;

    public static ReportFigure? Create(IReadOnlyList<SeriesPoint> trend)
    {
        if (trend.Count == 0)
            return null;
        var first = ReportText.ShortMonthName(trend[0].Period);
        var last = ReportText.ShortMonthName(trend[^1].Period);
        var title = $"Incidents and people killed, {first} – {last}";
        var peak = trend.Where(p => p.Killed is not null).MaxBy(p => p.Killed);
        var gaps = trend.Count(p => p.Incidents is null);
        var injuredLine = trend.Any(p => p.Injured is not null);
        var description = $"{title}. Monthly incidents as bars and killed{(injuredLine ? " and injured" : "")} as lines over {trend.Count} months"
            + (gaps > 0 ? $" ({gaps} of them with no data, left as gaps)" : "") + (injuredLine ? "" : "; injured are not recorded by the datasets in scope") + ". "
            + $"This month: {ReportText.Number(trend[^1].Incidents, "no data")} incidents, {ReportText.Number(trend[^1].Killed)} killed, "
            + $"{ReportText.Number(trend[^1].Injured, injuredLine ? "not known" : "not recorded")} injured"
            + (peak is null ? "." : $"; most killed in {ReportText.MonthName(peak.Period)} ({ReportText.Number(peak.Killed)}).");
        return new ReportFigure("trend", title, description, Width, TopHeight + BottomHeight, canvas =>
        {
            using var top = IncidentsPanel(trend, title);
            using var bottom = CasualtiesPanel(trend);
            // Each panel clears its own rectangle before drawing: clip so that it clears no more.
            foreach (var (plot, rect) in new[] { (top, new PixelRect(0, Width, TopHeight, 0)), (bottom, new PixelRect(0, Width, TopHeight + BottomHeight, TopHeight)) })
            {
                canvas.Save();
                canvas.ClipRect(rect.ToSKRect());
                plot.Render(canvas, rect);
                canvas.Restore();
            }
        });
    }

    private static Plot IncidentsPanel(IReadOnlyList<SeriesPoint> trend, string title)
    {
        var plot = ChartStyle.NewPlot();
        // A month with no data has no bar (a gap), never a bar of zero.
        var bars = trend.Select((p, i) => (p.Incidents, i)).Where(x => x.Incidents is not null).Select(x => new Bar
        {
            Position = x.i,
            Value = x.Incidents!.Value,
            FillColor = x.i == trend.Count - 1 ? ChartStyle.IncidentsThisMonth : ChartStyle.Incidents,
            LineWidth = 0,
            Size = 0.75,
        }).ToList();
        plot.Add.Bars(bars);
        ChartStyle.SetTitle(plot, title);
        plot.YLabel("Incidents");
        SetMonthAxis(plot, trend, showLabels: false);
        SetCountAxis(plot, trend.Max(p => p.Incidents ?? 0));
        plot.Layout.Fixed(new PixelPadding(Left, Right, 8, 40));
        return plot;
    }

    private static Plot CasualtiesPanel(IReadOnlyList<SeriesPoint> trend)
    {
        var plot = ChartStyle.NewPlot();
        // A month without a number (no data, not recorded, all unknown) breaks the line: one scatter per run of numbers.
        foreach (var (run, first) in Runs(trend, p => p.Killed))
        {
            var killed = plot.Add.Scatter(run.xs, run.ys);
            killed.Color = ChartStyle.Killed;
            killed.LineWidth = 2.5f;
            killed.MarkerSize = 5;
            if (first)
                killed.LegendText = "Killed";
        }
        foreach (var (run, first) in Runs(trend, p => p.Injured))
        {
            var injured = plot.Add.Scatter(run.xs, run.ys);
            injured.Color = ChartStyle.Injured;
            // Solid, with square markers: a dashed line has no SVG equivalent in Skia's SVG canvas.
            injured.LineWidth = 2;
            injured.MarkerShape = MarkerShape.FilledSquare;
            injured.MarkerSize = 5;
            if (first)
                injured.LegendText = "Injured";
        }
        plot.YLabel("People");
        SetMonthAxis(plot, trend, showLabels: true);
        SetCountAxis(plot, trend.Max(p => Math.Max(p.Killed ?? 0, p.Injured ?? 0)));
        var legend = plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
        legend.FontSize = ChartStyle.TickSize;
        legend.FontName = Fonts.BundledFonts.Family;
        plot.Layout.Fixed(new PixelPadding(Left, Right, 40, 8));
        return plot;
    }

    /// <summary>The runs of consecutive months that have a number, each as x and y arrays; the first run is flagged (it carries the legend).</summary>
    private static IEnumerable<((double[] xs, double[] ys) Run, bool First)> Runs(IReadOnlyList<SeriesPoint> trend, Func<SeriesPoint, long?> value)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        var first = true;
        for (var i = 0; i <= trend.Count; i++)
        {
            if (i < trend.Count && value(trend[i]) is { } v)
            {
                xs.Add(i);
                ys.Add(v);
                continue;
            }
            if (xs.Count > 0)
            {
                yield return (([.. xs], [.. ys]), first);
                first = false;
                xs.Clear();
                ys.Clear();
            }
        }
    }

    /// <summary>A tick for every month, a label every third month ending on the report's month.</summary>
    private static void SetMonthAxis(Plot plot, IReadOnlyList<SeriesPoint> trend, bool showLabels)
    {
        var ticks = new NumericManual();
        for (var i = 0; i < trend.Count; i++)
        {
            if ((trend.Count - 1 - i) % 3 == 0)
                ticks.AddMajor(i, showLabels ? ReportText.ShortMonthName(trend[i].Period) : "");
            else
                ticks.AddMinor(i);
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.6, trend.Count - 0.4);
    }

    private static void SetCountAxis(Plot plot, long max)
    {
        plot.Axes.Left.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        // Headroom above the highest value; a flat zero series still gets an axis from 0 to 1.
        plot.Axes.SetLimitsY(0, Math.Max(1, max * 1.15));
    }
}
