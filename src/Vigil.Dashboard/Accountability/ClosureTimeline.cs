using System.Globalization;
using System.Net;
using System.Text;
using Vigil.Accountability.Border;

namespace Vigil.Dashboard.Accountability;

/// <summary>
/// The closure timeline as inline SVG, drawn on the server: one row per crossing, a bar for each closure
/// (to today while still closed), years marked along the bottom. Null when no crossing has any event.
/// </summary>
public static class ClosureTimeline
{
    private const int Width = 800, Label = 150, RowHeight = 26, Top = 10, Axis = 24;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string? Svg(IReadOnlyList<CrossingReport> reports, DateOnly today)
    {
        var events = reports.SelectMany(r => r.Events).Where(e => e.From <= today).ToList();
        if (events.Count == 0)
            return null;
        var first = new DateOnly(events.Min(e => e.From).Year, 1, 1);
        var last = today.AddDays(1);
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        double X(DateOnly d) => Label + (Width - Label - 10) * (double)(d.DayNumber - first.DayNumber) / span;
        var height = Top + RowHeight * reports.Count + Axis;

        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"timeline-title\" class=\"closure-timeline\">");
        svg.Append("<title id=\"timeline-title\">Closures of each crossing over time</title>");
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            var y = Top + i * RowHeight;
            svg.Append(Inv, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"12\">{Esc(r.Crossing.Name)}</text>");
            svg.Append(Inv, $"<line x1=\"{Label}\" x2=\"{Width - 10}\" y1=\"{y + 12}\" y2=\"{y + 12}\" stroke=\"#ccc\" />");
            foreach (var e in r.Episodes)
            {
                var x1 = X(e.Start);
                var x2 = Math.Max(x1 + 2, X(e.LastDay(today).AddDays(1)));
                var end = e.End is { } d ? d.ToString("yyyy-MM-dd", Inv) : "today, still closed";
                svg.Append(Inv, $"<rect class=\"closure\" x=\"{x1:0.#}\" y=\"{y + 4}\" width=\"{x2 - x1:0.#}\" height=\"16\" fill=\"{(e.Ongoing ? "#8b1a1a" : "#c0392b")}\">");
                svg.Append(Inv, $"<title>{Esc(r.Crossing.Name)}: closed {e.Start:yyyy-MM-dd} to {end} ({e.Days} days)</title></rect>");
            }
        }
        var axisY = Top + RowHeight * reports.Count;
        for (var year = first.Year; year <= today.Year; year++)
        {
            var x = X(new DateOnly(year, 1, 1));
            svg.Append(Inv, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{axisY + 4}\" stroke=\"#999\" stroke-dasharray=\"2 3\" />");
            svg.Append(Inv, $"<text x=\"{x + 2:0.#}\" y=\"{axisY + 18}\" font-size=\"11\">{year}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
