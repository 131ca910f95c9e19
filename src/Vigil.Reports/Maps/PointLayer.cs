using SkiaSharp;

namespace Vigil.Reports.Maps;

/// <summary>
/// A cluster of incidents to draw on a map: <see cref="Count"/> incidents shown at one point (a district's
/// interior point, a grid cell's centre). <see cref="Label"/> names the place for readers of the data behind it.
/// </summary>
public sealed record MapPoint(double Longitude, double Latitude, long Count, string Label);

/// <summary>
/// Incidents as circles whose area is proportional to their count, drawn over the choropleth inside the map
/// box: largest first so that small circles stay visible on top, translucent so the districts show through.
/// </summary>
internal sealed class PointLayer(IReadOnlyList<MapPoint> points, MapProjection projection, SKRect box)
{
    public const float MaxRadius = 18;
    public const float MinRadius = 2.5f;
    private const string Fill = "#1F3F66";

    private readonly long _max = points.Count == 0 ? 0 : points.Max(p => p.Count);

    public float RadiusOf(long count) =>
        _max <= 0 ? 0 : Math.Max(MinRadius, MaxRadius * (float)Math.Sqrt(count / (double)_max));

    public void Draw(SKCanvas canvas)
    {
        if (_max <= 0)
            return;
        canvas.Save();
        canvas.ClipRect(box);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = SKColor.Parse(Fill).WithAlpha(150) };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColors.White, StrokeWidth = 1 };
        foreach (var point in points.Where(p => p.Count > 0).OrderByDescending(p => p.Count))
        {
            var (x, y) = projection.ToPixel(point.Longitude, point.Latitude);
            var r = RadiusOf(point.Count);
            canvas.DrawCircle((float)x, (float)y, r, fill);
            canvas.DrawCircle((float)x, (float)y, r, stroke);
        }
        canvas.Restore();
    }

    /// <summary>Reference circles for the largest count and two smaller round numbers, under a heading.</summary>
    public void DrawLegend(SKCanvas canvas, float x, float y, Action<string, float, float, float, bool> text)
    {
        if (_max <= 0)
            return;
        text("Incidents", x, y, 13, true);
        y += 10;
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = SKColor.Parse(Fill).WithAlpha(150) };
        foreach (var count in LegendCounts(_max))
        {
            var r = RadiusOf(count);
            var cy = y + Math.Max(r, 9);
            canvas.DrawCircle(x + 13, cy, r, fill);
            text(ReportText.Number(count), x + 34, cy + 4, 12, false);
            y = cy + Math.Max(r, 9) + 6;
        }
    }

    /// <summary>The largest count, then round numbers near a quarter and a twentieth of it (distinct, positive).</summary>
    internal static IReadOnlyList<long> LegendCounts(long max)
    {
        var counts = new List<long> { max };
        foreach (var share in new[] { 0.25, 0.05 })
        {
            var round = RoundDown(max * share);
            if (round >= 1 && !counts.Contains(round))
                counts.Add(round);
        }
        return counts;
    }

    private static long RoundDown(double value)
    {
        if (value < 1)
            return 0;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var step = new[] { 5, 2, 1 }.First(s => s * power <= value + 1e-9);
        return (long)(step * power);
    }
}
