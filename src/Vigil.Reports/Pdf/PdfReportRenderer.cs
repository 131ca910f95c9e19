using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Vigil.Reports.Figures;
using Vigil.Reports.Model;
using Vigil.Reports.Output;

namespace Vigil.Reports.Pdf;

/// <summary>
/// An A4 PDF laid out with PdfSharp's XGraphics: title, headline figures, statements, the charts and map
/// as images, tables that continue on the next page under a repeated header, notable incidents with their
/// sources (clickable where a URL is given), the method note, and page numbers. Text is set in the bundled
/// DejaVu Sans, embedded as a subset.
/// </summary>
public sealed class PdfReportRenderer : IReportRenderer
{
    public string Format => "pdf";
    public string Extension => ".pdf";

    private static readonly PdfColumn[] BreakdownNumbers =
        [new("Incidents", 1, true), new("Killed", 1, true), new("Injured", 1, true)];

    public void Render(MonthlyReport report, string outputPath)
    {
        var figures = ReportFigures.For(report);
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Subject = ReportSections.Subtitle(report);
        document.Info.Creator = "Vigil";
        using (var flow = new PdfFlow(document))
        {
            Write(flow, report, figures);
            flow.Footers(report.Title);
        }
        AtomicFile.Write(outputPath, stream => document.Save(stream, closeStream: false));
    }

    private static void Write(PdfFlow flow, MonthlyReport report, ReportFigures figures)
    {
        flow.Paragraph(report.Title, PdfFlow.Font(20, bold: true));
        flow.Space(2);
        flow.Paragraph(ReportSections.Subtitle(report), PdfFlow.Font(9.5), PdfFlow.Muted);
        flow.Space(10);

        if (report.Findings is { } findings)
            Findings(flow, findings);
        Headlines(flow, report.Headlines);
        if (ReportSections.SourcingLine(report) is { } sourcing)
            flow.Paragraph(sourcing, PdfFlow.Font(9.5), PdfFlow.Muted);

        if (report.Statements.Count > 0)
        {
            flow.Heading("This month");
            foreach (var s in report.Statements)
                flow.Paragraph(s, PdfFlow.Font(10), indent: 12, bullet: "•");
        }

        Figure(flow, "Trend", figures.Trend);

        flow.Heading("By province", KeepWith(figures.Provinces));
        if (figures.Provinces is { } provinces)
            flow.Image(provinces.Png, provinces.Width, provinces.Height);
        flow.Space(6);
        Breakdown(flow, "Province", report.ByProvince);

        MapSection(flow, report, figures);

        flow.Heading(ReportText.GroupsHeading);
        Breakdown(flow, "Group", report.ByActor);
        flow.Heading(ReportText.CategoryHeading);
        Breakdown(flow, "Category", report.ByCategory);
        flow.Heading("By event type");
        Breakdown(flow, "Event type", report.ByEventType);

        Notable(flow, report.Notable);
        if (report.Accountability is { } section)
        {
            flow.Heading("Border crossings and commitments");
            foreach (var (heading, lines) in ReportSections.AccountabilityParts(section))
            {
                flow.Paragraph(heading, PdfFlow.Font(10, bold: true));
                foreach (var line in lines)
                    flow.Paragraph(line, PdfFlow.Font(9), indent: 12, bullet: "•");
            }
        }
        Method(flow, report.Method);
    }

    private static void Findings(PdfFlow flow, KeyFindings findings)
    {
        flow.Heading(FindingsText.Heading);
        foreach (var block in FindingsText.Blocks(findings.Markdown))
        {
            switch (block.Kind)
            {
                case FindingsBlockKind.Heading:
                    flow.Paragraph(block.Text, PdfFlow.Font(10.5, bold: true));
                    break;
                case FindingsBlockKind.Bullet:
                    flow.Paragraph(block.Text, PdfFlow.Font(10), indent: 12 + (12 * block.Depth), bullet: "•");
                    break;
                default:
                    flow.Paragraph(block.Text, PdfFlow.Font(10), indent: 12 * block.Depth);
                    break;
            }
            flow.Space(2);
        }
        flow.Paragraph(FindingsText.Attribution(findings), PdfFlow.Font(8.5), PdfFlow.Muted);
        flow.Space(10);
    }

    /// <summary>Three figures to a row, each a shaded box with a red rule on top.</summary>
    private static void Headlines(PdfFlow flow, IReadOnlyList<HeadlineFigure> headlines)
    {
        const int perRow = 3;
        const double gap = 8;
        const double pad = 7;
        var width = (PdfFlow.ContentWidth - (gap * (perRow - 1))) / perRow;
        var label = PdfFlow.Font(7.5, bold: true);
        var value = PdfFlow.Font(22, bold: true);
        // "not recorded", "no data", "unknown": words, set smaller and muted so they never pass the box's edge.
        var words = PdfFlow.Font(14, bold: true);
        var small = PdfFlow.Font(7.5);
        foreach (var row in headlines.Chunk(perRow))
        {
            var texts = row.Select(h => (Figure: h,
                Change: flow.Wrap(h.Change, small, width - (2 * pad)),
                Unknown: ReportSections.UnknownNote(h) is { } u ? flow.Wrap(u, small, width - (2 * pad)) : [])).ToList();
            var height = (2 * pad) + 12 + 28 + (texts.Max(t => t.Change.Count + t.Unknown.Count) * 10) + 4;
            flow.Block(height + gap, (gfx, y) =>
            {
                for (var i = 0; i < texts.Count; i++)
                {
                    var (h, change, unknown) = texts[i];
                    var x = PdfFlow.Margin + (i * (width + gap));
                    gfx.DrawRectangle(new XSolidBrush(PdfFlow.Band), x, y, width, height);
                    gfx.DrawRectangle(new XSolidBrush(PdfFlow.Accent), x, y, width, 3);
                    var ty = y + pad + 2;
                    gfx.DrawString(h.Label.ToUpperInvariant(), label, new XSolidBrush(PdfFlow.Muted), new XRect(x + pad, ty, width - (2 * pad), 10), XStringFormats.TopLeft);
                    ty += 12;
                    if (h.Value is null)
                        gfx.DrawString(h.Shown, words, new XSolidBrush(PdfFlow.Muted), new XRect(x + pad, ty + 6, width - (2 * pad), 20), XStringFormats.TopLeft);
                    else
                        gfx.DrawString(h.Shown, value, new XSolidBrush(PdfFlow.Ink), new XRect(x + pad, ty, width - (2 * pad), 26), XStringFormats.TopLeft);
                    ty += 28;
                    foreach (var line in change)
                    {
                        gfx.DrawString(line, small, new XSolidBrush(PdfFlow.Ink), new XRect(x + pad, ty, width - (2 * pad), 10), XStringFormats.TopLeft);
                        ty += 10;
                    }
                    foreach (var line in unknown)
                    {
                        gfx.DrawString(line, small, new XSolidBrush(PdfFlow.Muted), new XRect(x + pad, ty, width - (2 * pad), 10), XStringFormats.TopLeft);
                        ty += 10;
                    }
                }
            });
        }
    }

    private static void Figure(PdfFlow flow, string heading, ReportFigure? figure)
    {
        if (figure is null)
            return;
        flow.Heading(heading, KeepWith(figure));
        flow.Image(figure.Png, figure.Width, figure.Height);
        flow.Space(6);
    }

    private static double KeepWith(ReportFigure? figure) =>
        figure is null ? 80 : PdfFlow.ImageSize(figure.Width, figure.Height).Height;

    private static void MapSection(PdfFlow flow, MonthlyReport report, ReportFigures figures)
    {
        flow.Heading("By district", KeepWith(figures.Map?.Figure));
        var note = PdfFlow.Font(8.5);
        if (figures.Map is { } map)
            flow.Image(map.Figure.Png, map.Figure.Width, map.Figure.Height);
        else
            flow.Paragraph(ReportSections.NoMapNote(report), note, PdfFlow.Muted);
        if (ReportSections.UnmappedNote(figures.Map) is { } unmapped)
            flow.Paragraph(unmapped, note, PdfFlow.Muted);
        var top = ReportSections.TopDistricts(report);
        if (top.Count > 0)
        {
            flow.Space(8);
            flow.EnsureSpace(90);
            flow.Paragraph("Districts with the most killed", PdfFlow.Font(10, bold: true));
            flow.Space(2);
            flow.Table([new("District", 3), new("Killed", 1, true), new("Incidents", 1, true)],
                top.Select(d => new PdfRow([d.District, ReportText.Number(d.Killed), ReportText.Number(d.Incidents)])).ToList());
        }
    }

    private static void Breakdown(PdfFlow flow, string nameHeader, IReadOnlyList<BreakdownRow> rows)
    {
        if (rows.Count == 0)
        {
            flow.Paragraph("No incidents recorded.", PdfFlow.Font(9), PdfFlow.Muted);
            return;
        }
        flow.Table([new PdfColumn(nameHeader, 4), .. BreakdownNumbers],
            rows.Select(r => new PdfRow([r.Name, ReportText.Number(r.Incidents), ReportText.Figure(r.Killed, r.KilledUnknown), ReportText.Figure(r.Injured, r.InjuredUnknown)])).ToList(),
            fontSize: 9);
    }

    private static void Notable(PdfFlow flow, IReadOnlyList<NotableIncident> notable)
    {
        flow.Heading("Notable incidents");
        if (notable.Count == 0)
        {
            flow.Paragraph("No incidents recorded this month.", PdfFlow.Font(9), PdfFlow.Muted);
            return;
        }
        PdfColumn[] columns =
        [
            new("#", 0.55, true), new("Date", 0.95), new("Place", 2.2), new("Event", 1.2), new("Parties", 1.7),
            new("Killed", 0.9, true), new("Injured", 0.9, true),
        ];
        var rows = notable.Select(i => new PdfRow(
            [i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Date, i.Place, i.EventType, ReportSections.Perpetrator(i), i.Killed, i.Injured],
            i.Sources.Select(s => ReportSections.SafeUrl(s) is { } url
                ? new PdfRun($"Source: {s.Text} — {url}", url)
                : new PdfRun($"Source: {s.Text}")).ToList())).ToList();
        flow.Table(columns, rows);
        flow.Paragraph("#: the incident's id in Vigil, for tracing a figure to its record.", PdfFlow.Font(8), PdfFlow.Muted);
    }

    private static void Method(PdfFlow flow, MethodNote method)
    {
        flow.Heading("Method");
        List("Data", method.Datasets);
        List("Counting rules", method.Rules);
        List("Credits", method.Credits);

        void List(string heading, IReadOnlyList<string> items)
        {
            if (items.Count == 0)
                return;
            flow.EnsureSpace(40);
            flow.Paragraph(heading, PdfFlow.Font(10, bold: true));
            foreach (var item in items)
                flow.Paragraph(item, PdfFlow.Font(9), indent: 12, bullet: "•");
            flow.Space(4);
        }
    }
}
