using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Vigil.Reports.Fonts;

namespace Vigil.Reports.Pdf;

/// <summary>A run of text in a table cell or detail line, a link when it has a URL.</summary>
internal sealed record PdfRun(string Text, string? Url = null);

internal sealed record PdfColumn(string Header, double Share, bool Numeric = false);

/// <summary>A table row; <see cref="Details"/> are full-width lines under it (an incident's sources).</summary>
internal sealed record PdfRow(IReadOnlyList<string> Cells, IReadOnlyList<PdfRun>? Details = null);

/// <summary>
/// Top-to-bottom layout on A4 pages with XGraphics: a cursor that moves down, wrapped text, images scaled
/// to the text width, and tables that continue on a new page with their header repeated. PdfSharp has no
/// layout engine of its own (MigraDoc is not used), so this is the whole of it.
/// </summary>
internal sealed class PdfFlow : IDisposable
{
    public const double PageWidth = 595.28;   // A4 in points
    public const double PageHeight = 841.89;
    public const double Margin = 50;
    public const double FooterSpace = 40;
    public const double ContentWidth = PageWidth - (2 * Margin);
    private const double Bottom = PageHeight - Margin - FooterSpace + 20;
    private const double CellPadding = 3;

    public static readonly XColor Ink = XColor.FromArgb(0x1D, 0x1D, 0x1F);
    public static readonly XColor Muted = XColor.FromArgb(0x5F, 0x63, 0x68);
    public static readonly XColor Rule = XColor.FromArgb(0xD0, 0xD0, 0xD0);
    public static readonly XColor Accent = XColor.FromArgb(0xB2, 0x22, 0x22);
    public static readonly XColor Band = XColor.FromArgb(0xF4, 0xF4, 0xF2);
    public static readonly XColor LinkColor = XColor.FromArgb(0x1A, 0x4D, 0x8F);

    private readonly PdfDocument _document;
    private XGraphics? _gfx;
    private PdfPage? _page;

    public PdfFlow(PdfDocument document)
    {
        PdfFonts.EnsureRegistered();
        _document = document;
        NewPage();
    }

    public double Y { get; private set; }

    private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page");

    public static XFont Font(double size, bool bold = false) =>
        new(BundledFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Width = XUnit.FromPoint(PageWidth);
        _page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(_page);
        Y = Margin;
    }

    public double Remaining => Bottom - Y;

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom && Y > Margin)
            NewPage();
    }

    public void Space(double points) => Y = Math.Min(Y + points, Bottom);

    /// <summary>
    /// A section heading with a rule under it, moved to the next page unless <c>keepWith</c> points of
    /// what follows (a figure; by default a few lines) fit under it.
    /// </summary>
    public void Heading(string text, double keepWith = 80, double size = 14)
    {
        EnsureSpace((size * 2.2) + 6 + Math.Min(keepWith, Bottom - Margin - 40));
        Space(Y > Margin ? size * 0.8 : 0);
        var font = Font(size, bold: true);
        Gfx.DrawString(text, font, new XSolidBrush(Ink), new XRect(Margin, Y, ContentWidth, size * 1.3), XStringFormats.TopLeft);
        Y += size * 1.35;
        Gfx.DrawLine(new XPen(Ink, 1.2), Margin, Y, Margin + ContentWidth, Y);
        Y += 6;
    }

    /// <summary>Wrapped text, breaking across pages between lines.</summary>
    public void Paragraph(string text, XFont font, XColor? color = null, double indent = 0, string? bullet = null, string? url = null)
    {
        var width = ContentWidth - indent;
        var lineHeight = font.Size * 1.35;
        var brush = new XSolidBrush(color ?? Ink);
        var first = true;
        foreach (var line in Wrap(text, font, width))
        {
            EnsureSpace(lineHeight);
            if (first && bullet is not null)
                Gfx.DrawString(bullet, font, brush, new XRect(Margin + indent - 11, Y, 10, lineHeight), XStringFormats.TopLeft);
            var rect = new XRect(Margin + indent, Y, width, lineHeight);
            Gfx.DrawString(line, font, brush, rect, XStringFormats.TopLeft);
            if (url is not null)
                Link(new XRect(rect.X, rect.Y, Gfx.MeasureString(line, font).Width, lineHeight), url);
            Y += lineHeight;
            first = false;
        }
    }

    /// <summary>The height an image takes: the full text width, or less to fit a page.</summary>
    public static (double Width, double Height) ImageSize(int layoutWidth, int layoutHeight)
    {
        var width = ContentWidth;
        var height = width * layoutHeight / layoutWidth;
        var maxHeight = Bottom - Margin - 40;
        return height > maxHeight ? (width * maxHeight / height, maxHeight) : (width, height);
    }

    /// <summary>A PNG at the full text width (or less, to fit a page), kept whole on one page.</summary>
    public void Image(byte[] png, int layoutWidth, int layoutHeight)
    {
        var (width, height) = ImageSize(layoutWidth, layoutHeight);
        EnsureSpace(height);
        using var stream = new MemoryStream(png, writable: false);
        using var image = XImage.FromStream(stream);
        Gfx.DrawImage(image, Margin + ((ContentWidth - width) / 2), Y, width, height);
        Y += height;
    }

    /// <summary>A box of given height drawn by <paramref name="draw"/> at (x, y), kept on one page.</summary>
    public void Block(double height, Action<XGraphics, double> draw)
    {
        EnsureSpace(height);
        draw(Gfx, Y);
        Y += height;
    }

    public void Table(IReadOnlyList<PdfColumn> columns, IReadOnlyList<PdfRow> rows, double fontSize = 8.5)
    {
        var font = Font(fontSize);
        var bold = Font(fontSize, bold: true);
        var lineHeight = fontSize * 1.3;
        var widths = Widths(columns, rows, font, bold);

        var headerHeight = (Enumerable.Range(0, columns.Count).Max(c => Wrap(columns[c].Header, bold, widths[c] - (2 * CellPadding)).Count) * lineHeight)
            + (2 * CellPadding);

        void DrawHeader()
        {
            var x = Margin;
            for (var c = 0; c < columns.Count; c++)
            {
                DrawCell(Wrap(columns[c].Header, bold, widths[c] - (2 * CellPadding)), bold, x, widths[c], columns[c].Numeric, lineHeight);
                x += widths[c];
            }
            Y += headerHeight;
            Gfx.DrawLine(new XPen(Ink, 1), Margin, Y, Margin + ContentWidth, Y);
        }

        EnsureSpace(headerHeight + (3 * lineHeight) + (2 * CellPadding));
        DrawHeader();
        foreach (var row in rows)
        {
            var cells = row.Cells.Select((text, c) => Wrap(text, font, widths[c] - (2 * CellPadding))).ToList();
            var details = (row.Details ?? []).Select(d => (Run: d, Lines: Wrap(d.Text, font, ContentWidth - (2 * CellPadding) - 12))).ToList();
            var height = (cells.Max(l => l.Count) * lineHeight) + (details.Sum(d => d.Lines.Count) * lineHeight) + (2 * CellPadding);
            if (Y + height > Bottom)
            {
                NewPage();
                DrawHeader();
            }
            var x = Margin;
            for (var c = 0; c < columns.Count; c++)
            {
                DrawCell(cells[c], font, x, widths[c], columns[c].Numeric, lineHeight);
                x += widths[c];
            }
            var y = Y + CellPadding + (cells.Max(l => l.Count) * lineHeight);
            foreach (var (run, lines) in details)
            {
                var brush = new XSolidBrush(run.Url is null ? Muted : LinkColor);
                foreach (var line in lines)
                {
                    var rect = new XRect(Margin + CellPadding + 12, y, ContentWidth - 12, lineHeight);
                    Gfx.DrawString(line, font, brush, rect, XStringFormats.TopLeft);
                    if (run.Url is not null)
                        Link(new XRect(rect.X, rect.Y, Gfx.MeasureString(line, font).Width, lineHeight), run.Url);
                    y += lineHeight;
                }
            }
            Y += height;
            Gfx.DrawLine(new XPen(Rule, 0.5), Margin, Y, Margin + ContentWidth, Y);
        }
        Y += 8;
    }

    /// <summary>
    /// Column widths by share, then widened so that no column is narrower than its widest word (a date, a number,
    /// "55 (54–55)" split only at its spaces), taking the room from the columns with some to spare. A word wider than
    /// a third of the page (a long URL) is left to break.
    /// </summary>
    private double[] Widths(IReadOnlyList<PdfColumn> columns, IReadOnlyList<PdfRow> rows, XFont font, XFont bold)
    {
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => ContentWidth * c.Share / total).ToArray();
        var min = new double[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var words = rows.Select(r => r.Cells[c]).SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => Gfx.MeasureString(w, font).Width)
                .Concat(columns[c].Header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Gfx.MeasureString(w, bold).Width));
            min[c] = Math.Min(ContentWidth / 3, words.DefaultIfEmpty(0).Max() + (2 * CellPadding) + 1);
        }
        var deficit = Enumerable.Range(0, columns.Count).Sum(c => Math.Max(0, min[c] - widths[c]));
        var spare = Enumerable.Range(0, columns.Count).Sum(c => Math.Max(0, widths[c] - min[c]));
        if (deficit <= 0 || spare < deficit)
            return widths;
        for (var c = 0; c < columns.Count; c++)
            widths[c] = widths[c] < min[c] ? min[c] : widths[c] - ((widths[c] - min[c]) * deficit / spare);
        return widths;
    }

    private void DrawCell(List<string> lines, XFont font, double x, double width, bool numeric, double lineHeight)
    {
        var y = Y + CellPadding;
        var brush = new XSolidBrush(Ink);
        foreach (var line in lines)
        {
            var rect = new XRect(x + CellPadding, y, width - (2 * CellPadding), lineHeight);
            Gfx.DrawString(line, font, brush, rect, numeric ? XStringFormats.TopRight : XStringFormats.TopLeft);
            y += lineHeight;
        }
    }

    private void Link(XRect rect, string url)
    {
        var onPage = Gfx.Transformer.WorldToDefaultPage(rect);
        _page!.AddWebLink(new PdfRectangle(onPage), url);
    }

    /// <summary>Greedy word wrap; a word wider than the line (a long URL) is broken between characters.</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    lines.Add(line);
                line = word;
                while (line.Length > 1 && Gfx.MeasureString(line, font).Width > width)
                {
                    // The longest head that fits, found by halving.
                    int fit = 1, over = line.Length;
                    while (over - fit > 1)
                    {
                        var mid = (fit + over) / 2;
                        if (Gfx.MeasureString(line[..mid], font).Width <= width)
                            fit = mid;
                        else
                            over = mid;
                    }
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>"Page n of N" and the report's title at the foot of every page, once all pages exist.</summary>
    public void Footers(string title)
    {
        _gfx?.Dispose();
        _gfx = null;
        var font = Font(7.5);
        var brush = new XSolidBrush(Muted);
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = PageHeight - Margin + 10;
            gfx.DrawLine(new XPen(Rule, 0.5), Margin, y - 4, Margin + ContentWidth, y - 4);
            gfx.DrawString(Truncate(gfx, title, font, ContentWidth - 90), font, brush, new XRect(Margin, y, ContentWidth - 90, 12), XStringFormats.TopLeft);
            gfx.DrawString($"Page {i + 1} of {count}", font, brush, new XRect(Margin, y, ContentWidth, 12), XStringFormats.TopRight);
        }
    }

    private static string Truncate(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
            return text;
        var end = text.Length;
        while (end > 1 && gfx.MeasureString(text[..end] + "…", font).Width > width)
            end--;
        return text[..end] + "…";
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _gfx = null;
    }
}
