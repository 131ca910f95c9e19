using System.Text;
using Vigil.Reports.Figures;
using Vigil.Reports.Model;
using Vigil.Reports.Output;
using static Vigil.Reports.Markdown.MarkdownText;

namespace Vigil.Reports.Markdown;

/// <summary>
/// A Markdown file (GitHub-flavoured tables) with its pictures as PNG files in a sibling folder
/// <c>NAME-assets/</c>, referenced relatively, so that the pair can be moved or committed together.
/// </summary>
public sealed class MarkdownReportRenderer : IReportRenderer
{
    public string Format => "md";
    public string Extension => ".md";

    /// <summary>The folder the PNGs of <paramref name="outputPath"/> go to: "report.md" → "report-assets".</summary>
    public static string AssetsDirectory(string outputPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, Path.GetFileNameWithoutExtension(outputPath) + "-assets");

    public void Render(MonthlyReport report, string outputPath)
    {
        var figures = ReportFigures.For(report);
        var assets = AssetsDirectory(outputPath);
        // Pictures first: the Markdown that points at them only replaces the old one once they are in place.
        AtomicFile.ReplaceDirectory(assets, folder =>
        {
            foreach (var figure in figures.All)
                File.WriteAllBytes(Path.Combine(folder, figure.Name + ".png"), figure.Png);
        });
        AtomicFile.WriteText(outputPath, ToMarkdown(report, figures, Path.GetFileName(assets)));
    }

    public static string ToMarkdown(MonthlyReport report, ReportFigures figures, string assetsFolder)
    {
        var md = new StringBuilder(16 * 1024);
        md.Append("# ").Append(Escape(report.Title)).Append("\n\n");
        md.Append('*').Append(Escape(ReportSections.Subtitle(report))).Append("*\n\n");

        if (report.Findings is { } findings)
        {
            // The analysts' Markdown as written: it is theirs, in the format it was written in.
            md.Append("## ").Append(FindingsText.Heading).Append("\n\n").Append(findings.Markdown.Trim()).Append("\n\n")
                .Append('*').Append(Escape(FindingsText.Attribution(findings))).Append("*\n\n");
        }

        md.Append("## Headline figures\n\n");
        md.Append("| Figure | This month | Previous month | Same month last year | Change |\n|---|---:|---:|---:|---|\n");
        foreach (var h in report.Headlines)
        {
            var change = ReportSections.UnknownNote(h) is { } unknown ? $"{h.Change}. {unknown}" : h.Change;
            md.Append("| ").Append(Escape(h.Label)).Append(" | **").Append(h.Shown).Append("** | ")
                .Append(ReportText.Number(h.PreviousMonth)).Append(" | ").Append(ReportText.Number(h.SameMonthLastYear))
                .Append(" | ").Append(Escape(change)).Append(" |\n");
        }
        md.Append('\n');
        if (ReportSections.SourcingLine(report) is { } sourcing)
            md.Append(Escape(sourcing)).Append("\n\n");

        if (report.Statements.Count > 0)
        {
            md.Append("## This month\n\n");
            foreach (var s in report.Statements)
                md.Append("- ").Append(Escape(s)).Append('\n');
            md.Append('\n');
        }

        md.Append("## Trend\n\n");
        Image(md, figures.Trend, assetsFolder);

        md.Append("## By province\n\n");
        Image(md, figures.Provinces, assetsFolder);
        Breakdown(md, "Province", report.ByProvince);

        md.Append("## By district\n\n");
        if (figures.Map is null)
            md.Append(Escape(ReportSections.NoMapNote(report))).Append("\n\n");
        else
            Image(md, figures.Map.Figure, assetsFolder);
        if (ReportSections.UnmappedNote(figures.Map) is { } unmapped)
            md.Append(Escape(unmapped)).Append("\n\n");
        var top = ReportSections.TopDistricts(report);
        if (top.Count > 0)
        {
            md.Append("### Districts with the most killed\n\n| District | Killed | Incidents |\n|---|---:|---:|\n");
            foreach (var d in top)
                md.Append("| ").Append(Escape(d.District)).Append(" | ").Append(ReportText.Number(d.Killed)).Append(" | ").Append(ReportText.Number(d.Incidents)).Append(" |\n");
            md.Append('\n');
        }

        md.Append("## ").Append(ReportText.GroupsHeading).Append("\n\n");
        Breakdown(md, "Group", report.ByActor);
        md.Append("## ").Append(ReportText.CategoryHeading).Append("\n\n");
        Breakdown(md, "Category", report.ByCategory);
        md.Append("## By event type\n\n");
        Breakdown(md, "Event type", report.ByEventType);

        Notable(md, report.Notable);
        if (report.Accountability is { } section)
        {
            md.Append("## Border crossings and commitments\n\n");
            foreach (var (heading, lines) in ReportSections.AccountabilityParts(section))
            {
                md.Append("### ").Append(Escape(heading)).Append("\n\n");
                foreach (var line in lines)
                    md.Append("- ").Append(Escape(line)).Append('\n');
                md.Append('\n');
            }
        }
        Method(md, report.Method);
        md.Append("---\n\n*Generated by Vigil on ").Append(Escape(ReportText.Timestamp(report.GeneratedAt))).Append(".*\n");
        return md.ToString();
    }

    private static void Image(StringBuilder md, ReportFigure? figure, string assetsFolder)
    {
        if (figure is null)
            return;
        md.Append("![").Append(Escape(figure.Title)).Append("](").Append(Destination($"{assetsFolder}/{figure.Name}.png")).Append(")\n\n")
            .Append('*').Append(Escape(figure.Description)).Append("*\n\n");
    }

    private static void Breakdown(StringBuilder md, string nameHeader, IReadOnlyList<BreakdownRow> rows)
    {
        if (rows.Count == 0)
        {
            md.Append("No incidents recorded.\n\n");
            return;
        }
        md.Append("| ").Append(nameHeader).Append(" | Incidents | Killed | Injured |\n|---|---:|---:|---:|\n");
        foreach (var r in rows)
        {
            md.Append("| ").Append(Escape(r.Name)).Append(" | ").Append(ReportText.Number(r.Incidents)).Append(" | ")
                .Append(ReportText.Figure(r.Killed, r.KilledUnknown)).Append(" | ").Append(ReportText.Figure(r.Injured, r.InjuredUnknown)).Append(" |\n");
        }
        md.Append('\n');
    }

    private static void Notable(StringBuilder md, IReadOnlyList<NotableIncident> notable)
    {
        md.Append("## Notable incidents\n\n");
        if (notable.Count == 0)
        {
            md.Append("No incidents recorded this month.\n\n");
            return;
        }
        md.Append("| # | Date | Place | Event | Parties | Killed | Injured | Sources |\n|---:|---|---|---|---|---:|---:|---|\n");
        foreach (var i in notable)
        {
            var sources = string.Join("; ", i.Sources.Select(s => ReportSections.SafeUrl(s) is { } url
                ? $"[{Escape(s.Text)}]({Destination(url)})"
                : Escape(s.Text)));
            md.Append("| ").Append(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(" | ").Append(Escape(i.Date)).Append(" | ").Append(Escape(i.Place))
                .Append(" | ").Append(Escape(i.EventType)).Append(" | ").Append(Escape(ReportSections.Perpetrator(i)))
                .Append(" | ").Append(Escape(i.Killed)).Append(" | ").Append(Escape(i.Injured))
                .Append(" | ").Append(sources).Append(" |\n");
        }
        md.Append("\n\\#: the incident's id in Vigil, for tracing a figure to its record.\n\n");
    }

    private static void Method(StringBuilder md, MethodNote method)
    {
        md.Append("## Method\n\n");
        List("Data", method.Datasets);
        List("Counting rules", method.Rules);
        List("Credits", method.Credits);

        void List(string heading, IReadOnlyList<string> items)
        {
            if (items.Count == 0)
                return;
            md.Append("### ").Append(heading).Append("\n\n");
            foreach (var item in items)
                md.Append("- ").Append(Escape(item)).Append('\n');
            md.Append('\n');
        }
    }
}
