using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using ScottPlot;
using SkiaSharp;
using Vigil.Reports.Figures;
using Vigil.Reports.Fonts;
using Vigil.Reports.Model;

namespace Vigil.Reports.Maps;

/// <summary>
/// The district map of killed this month, drawn offline from the bundled boundaries: each district of
/// the scope's countries filled by its class, districts with no recorded deaths grey, province outlines
/// over them (the report's province, when it is limited to one, heavier and zoomed to), and a legend of
/// the classes in a band on the right.
/// </summary>
public sealed class ChoroplethMap
{
    private const int Width = 800;
    private const float TitleBand = 40;
    private const float FootBand = 24;
    private const float Margin = 10;
    private const float LegendBand = 190;
    private const float MapWidth = Width - LegendBand - (2 * Margin);

    private ChoroplethMap(ReportFigure figure, MapScope scope, MapProjection projection,
        IReadOnlyList<MapClass> classes, IReadOnlyList<DistrictValue> unmapped, Func<IReadOnlyList<MapArea>> areas)
    {
        Figure = figure;
        Scope = scope;
        Projection = projection;
        Classes = classes;
        Unmapped = unmapped;
        _areas = new Lazy<IReadOnlyList<MapArea>>(areas);
    }

    private readonly Lazy<IReadOnlyList<MapArea>> _areas;

    /// <summary>
    /// Every district the map draws, with the shape it is drawn with (simplified as the picture is), its killed and
    /// its fill colour: what an interactive map of the same figures draws (the dashboard's Leaflet map).
    /// </summary>
    public IReadOnlyList<MapArea> Areas => _areas.Value;

    public ReportFigure Figure { get; }
    public MapScope Scope { get; }

    /// <summary>Where a longitude/latitude falls in <see cref="Figure"/> (layout units).</summary>
    public MapProjection Projection { get; }

    public IReadOnlyList<MapClass> Classes { get; }

    /// <summary>Districts with deaths that the map cannot show: no polygon, or outside the country or province mapped.</summary>
    public IReadOnlyList<DistrictValue> Unmapped { get; }

    /// <summary>The map of a report, or null when neither its scope nor its districts name a country.</summary>
    public static ChoroplethMap? Create(MonthlyReport report) =>
        MapScope.Of(report) is { } scope
            ? Create(scope, ReportText.MonthName(report.Month), report.Districts, [], "Killed this month")
            : null;

    /// <summary>
    /// The map of killed by district over any period (<paramref name="periodName"/>: "January 2021 – June 2021"),
    /// with incidents drawn over it as circles sized by their count when <paramref name="points"/> has any
    /// (clusters made by the caller: a circle per district or grid cell, never one per incident).
    /// </summary>
    public static ChoroplethMap Create(MapScope scope, string periodName, IReadOnlyList<DistrictValue> districts,
        IReadOnlyList<MapPoint> points, string legendTitle = "Killed")
    {
        var shapes = CountryShapes.For(scope.Countries);
        var killedById = new Dictionary<string, long>(StringComparer.Ordinal);
        var unmapped = new List<DistrictValue>();
        // Districts the map colours by value: the country's, or the province's when the report is on one.
        var drawn = shapes.Districts
            .Where(d => scope.Province is null || d.District.ProvinceCode == scope.Province.Code)
            .Select(d => d.District.BoundaryId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var value in districts)
        {
            if (value.BoundaryId is not null && drawn.Contains(value.BoundaryId))
                killedById[value.BoundaryId] = killedById.GetValueOrDefault(value.BoundaryId) + value.Killed;
            else if (value.Killed > 0)
                unmapped.Add(value);
        }
        var classes = MapClasses.For(killedById.Values);

        var extent = scope.Province is not null && shapes.Provinces.TryGetValue(scope.Province.Code, out var outline)
            ? outline.EnvelopeInternal.Copy()
            : shapes.Extent.Copy();
        extent.ExpandBy(Math.Max(extent.Width, extent.Height) * 0.02);
        // The box keeps the extent's shape: the figure is as tall as the map needs at this width.
        var aspect = extent.Height / (extent.Width * Math.Cos(extent.Centre.Y * Math.PI / 180));
        var mapHeight = (float)Math.Clamp(MapWidth * aspect, 320, 900);
        var height = (int)Math.Ceiling(TitleBand + mapHeight + FootBand);
        var projection = new MapProjection(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY, Margin, TitleBand, MapWidth, mapHeight);

        var place = scope.Province?.Name ?? scope.CountryName;
        var title = points.Count == 0
            ? $"People killed by district, {periodName} — {place}"
            : $"People killed by district, and incidents, {periodName} — {place}";
        var described = killedById.Where(kv => kv.Value > 0).Count();
        var description = described == 0
            ? $"{title}: no district of {place} has deaths recorded {(points.Count == 0 ? "this month" : "in the period")}."
            : $"{title}: {described} districts with deaths recorded, in classes {string.Join(", ", classes.Select(c => c.Label))}; all others grey.";
        if (points.Count > 0)
            description += $" Circles sized by the number of incidents: {ReportText.Number(points.Sum(p => p.Count))} incidents at {points.Count} places.";
        var layer = new PointLayer(points, projection, new SKRect(Margin, TitleBand, Margin + MapWidth, TitleBand + mapHeight));
        var painter = new Painter(shapes, scope, projection, killedById, classes, title, legendTitle, layer, mapHeight, height);
        var figure = new ReportFigure("map", title, description, Width, height, painter.Draw);
        return new ChoroplethMap(figure, scope, projection, classes, unmapped, () => [.. shapes.Districts.Select(d =>
        {
            var inScope = scope.Province is null || d.District.ProvinceCode == scope.Province.Code;
            var killed = d.District.BoundaryId is null ? 0 : killedById.GetValueOrDefault(d.District.BoundaryId);
            var colour = inScope ? MapClasses.ColorOf(classes, killed) : MapClasses.ContextHexColor;
            return new MapArea(d.District, d.Shape, inScope, killed, colour);
        })]);
    }

    private sealed class Painter(CountryShapes shapes, MapScope scope, MapProjection projection,
        IReadOnlyDictionary<string, long> killedById, IReadOnlyList<MapClass> classes, string title, string legendTitle,
        PointLayer points, float mapHeight, int height)
    {
        public void Draw(SKCanvas canvas)
        {
            using (var plot = BuildPlot())
                plot.Render(canvas, new PixelRect(0, Width, height, 0));
            points.Draw(canvas);
            using var text = new TextPainter(canvas);
            // A long title (a period of days, two countries) is set smaller rather than cut off at the edge.
            text.Draw(title, Margin, 26, text.FittingSize(title, ChartStyle.TitleSize, Width - (2 * Margin), bold: true), bold: true);
            DrawLegend(canvas, text);
            text.Draw("Boundaries: geoBoundaries (ADM2), simplified. Districts without a recorded death are grey.",
                Margin, height - 8, 10, color: ChartStyle.Muted);
        }

        private Plot BuildPlot()
        {
            var plot = ChartStyle.NewPlot();
            plot.HideAxesAndGrid();
            plot.Axes.Frameless();
            // Half a pixel: finer detail cannot be seen and only makes the SVG heavier.
            var tolerance = 0.5 / projection.PixelsPerDegree;
            var context = MapClasses.ToColor(MapClasses.ContextHexColor);
            foreach (var (district, shape) in shapes.Districts)
            {
                // In a report on one province, the rest of the country is context without values.
                var inScope = scope.Province is null || district.ProvinceCode == scope.Province.Code;
                var killed = district.BoundaryId is null ? 0 : killedById.GetValueOrDefault(district.BoundaryId);
                var fill = inScope ? MapClasses.ToColor(MapClasses.ColorOf(classes, killed)) : context;
                foreach (var ring in Exteriors(Simplify(shape, tolerance)))
                {
                    var polygon = plot.Add.Polygon(Project(ring));
                    polygon.FillColor = fill;
                    polygon.LineColor = Colors.White;
                    polygon.LineWidth = 0.6f;
                }
            }
            foreach (var (code, outline) in shapes.Provinces)
            {
                var emphasised = scope.Province?.Code == code;
                foreach (var ring in Exteriors(Simplify(outline, tolerance)))
                {
                    var polygon = plot.Add.Polygon(Project(ring));
                    polygon.FillColor = Colors.Transparent;
                    polygon.LineColor = emphasised ? Colors.Black : Color.FromHex("#555555");
                    polygon.LineWidth = emphasised ? 2.4f : 1.1f;
                }
            }
            // The map box is the plot's data area, with limits that make plot units follow the projection;
            // whatever lies outside the box (neighbours of a province) is clipped off the title and legend.
            plot.Layout.Fixed(new PixelRect(Margin, Margin + MapWidth, TitleBand + mapHeight, TitleBand));
            var (left, top) = projection.ToLonLat(Margin, TitleBand);
            var (right, bottom) = projection.ToLonLat(Margin + MapWidth, TitleBand + mapHeight);
            plot.Axes.SetLimits(left * projection.CosLatitude, right * projection.CosLatitude, bottom, top);
            return plot;
        }

        private static Geometry Simplify(Geometry shape, double tolerance) =>
            tolerance > CountryShapes.SimplifyDegrees ? DouglasPeuckerSimplifier.Simplify(shape, tolerance) : shape;

        private ScottPlot.Coordinates[] Project(LineString ring) =>
            ring.Coordinates.Select(c => new ScottPlot.Coordinates(c.X * projection.CosLatitude, c.Y)).ToArray();

        private static IEnumerable<LineString> Exteriors(Geometry geometry)
        {
            for (var i = 0; i < geometry.NumGeometries; i++)
            {
                if (geometry.GetGeometryN(i) is NetTopologySuite.Geometries.Polygon polygon && !polygon.IsEmpty)
                    yield return polygon.ExteriorRing;
            }
        }

        private void DrawLegend(SKCanvas canvas, TextPainter text)
        {
            var x = Width - LegendBand + 6;
            var y = TitleBand + 18;
            text.Draw(legendTitle, x, y, 13, bold: true);
            y += 12;
            var entries = classes.Select(c => (c.Label, c.HexColor)).Reverse()
                .Append(("No deaths recorded", MapClasses.NoneHexColor));
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColor.Parse("#888888"), StrokeWidth = 0.8f };
            foreach (var (label, hex) in entries)
            {
                var box = new SKRect(x, y, x + 26, y + 18);
                fill.Color = SKColor.Parse(hex);
                canvas.DrawRect(box, fill);
                canvas.DrawRect(box, stroke);
                text.Draw(label, x + 34, y + 14, 12);
                y += 26;
            }
            if (scope.Province is not null)
            {
                y += 8;
                using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = SKColors.Black, StrokeWidth = 2.4f };
                canvas.DrawLine(x, y + 9, x + 26, y + 9, line);
                text.Draw(scope.Province.Name, x + 34, y + 14, 12);
                y += 26;
            }
            points.DrawLegend(canvas, x, y + 18, (label, lx, ly, size, bold) => text.Draw(label, lx, ly, size, bold));
        }
    }

    /// <summary>Text drawn straight onto the canvas with the bundled font (legend, title, credit).</summary>
    private sealed class TextPainter : IDisposable
    {
        private readonly SKCanvas _canvas;
        private readonly SKTypeface _regular;
        private readonly SKTypeface _bold;
        private readonly SKPaint _paint = new() { IsAntialias = true };

        public TextPainter(SKCanvas canvas)
        {
            _canvas = canvas;
            using var regular = SKData.CreateCopy(BundledFonts.Regular);
            using var bold = SKData.CreateCopy(BundledFonts.Bold);
            _regular = SKTypeface.FromData(regular);
            _bold = SKTypeface.FromData(bold);
        }

        /// <summary>The size up to <paramref name="size"/> at which the text is no wider than <paramref name="width"/>.</summary>
        public float FittingSize(string text, float size, float width, bool bold = false)
        {
            using var font = new SKFont(bold ? _bold : _regular, size);
            var measured = font.MeasureText(text);
            return measured <= width ? size : size * width / measured;
        }

        public void Draw(string text, float x, float baseline, float size, bool bold = false, ScottPlot.Color? color = null)
        {
            using var font = new SKFont(bold ? _bold : _regular, size);
            _paint.Color = (color ?? ChartStyle.Text).ToSKColor();
            _canvas.DrawText(text, x, baseline, font, _paint);
        }

        public void Dispose()
        {
            _paint.Dispose();
            _regular.Dispose();
            _bold.Dispose();
        }
    }
}

/// <summary>
/// A district as the map draws it: its simplified shape, whether it is in the map's scope (a province map draws the
/// rest of the country as context), the killed its colour stands for, and the colour.
/// </summary>
public sealed record MapArea(Vigil.Geo.District District, Geometry Shape, bool InScope, long Killed, string HexColor);
