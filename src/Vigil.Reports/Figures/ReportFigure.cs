using System.Text;
using SkiaSharp;

namespace Vigil.Reports.Figures;

/// <summary>
/// One picture of a report (a chart or the map), drawn by the same code as SVG for HTML and as PNG for
/// Markdown and PDF. <see cref="Width"/> and <see cref="Height"/> are in layout units (SVG pixels); the PNG
/// has <see cref="PngScale"/> times as many pixels each way, for print.
/// </summary>
public sealed class ReportFigure
{
    public const int PngScale = 2;

    private readonly Action<SKCanvas> _draw;
    private readonly Lazy<string> _svg;
    private readonly Lazy<byte[]> _png;

    internal ReportFigure(string name, string title, string description, int width, int height, Action<SKCanvas> draw)
    {
        Name = name;
        Title = title;
        Description = description;
        Width = width;
        Height = height;
        _draw = draw;
        _svg = new Lazy<string>(RenderSvg);
        _png = new Lazy<byte[]>(RenderPng);
    }

    /// <summary>File stem for the PNG ("trend").</summary>
    public string Name { get; }

    /// <summary>Caption ("Incidents and killed, January 2020 – December 2021").</summary>
    public string Title { get; }

    /// <summary>What the picture shows, in words, for alt text and readers who cannot see it.</summary>
    public string Description { get; }

    public int Width { get; }
    public int Height { get; }

    /// <summary>A standalone SVG document.</summary>
    public string Svg => _svg.Value;

    public byte[] Png => _png.Value;

    private string RenderSvg()
    {
        using var buffer = new MemoryStream();
        using (var stream = new SKManagedWStream(buffer))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream))
        {
            _draw(canvas);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private byte[] RenderPng()
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width * PngScale, Height * PngScale))
            ?? throw new InvalidOperationException($"Could not create a {Width * PngScale}×{Height * PngScale} drawing surface for {Name}");
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(PngScale);
        _draw(surface.Canvas);
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
