using System.Text.RegularExpressions;
using Vigil.Reports.Markdown;
using Vigil.Reports.Model;
using Vigil.TestSupport;

namespace Vigil.Reports.Tests;

public sealed partial class MarkdownReportTests(RenderedMarkdown markdown) : IClassFixture<RenderedMarkdown>
{
    private MonthlyReport Report => markdown.Report;

    [Fact]
    public void Markdown_references_three_png_files_that_exist_in_the_sibling_assets_folder()
    {
        var targets = Image().Matches(markdown.Text).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["assessment-assets/trend.png", "assessment-assets/provinces.png", "assessment-assets/map.png"], targets);
        foreach (var target in targets)
        {
            var file = Path.Combine(markdown.Folder, target);
            Assert.True(File.Exists(file), $"{target} is missing");
            Assert.True(FigureTests.IsPng(File.ReadAllBytes(file)), $"{target} is not a PNG");
        }
        Assert.Equal(3, Directory.GetFiles(MarkdownReportRenderer.AssetsDirectory(markdown.Path)).Length);
    }

    [Fact]
    public void Markdown_tables_have_one_row_per_province_group_category_and_event_type()
    {
        AssertTable("Province", Report.ByProvince);
        AssertTable("Group", Report.ByActor);
        AssertTable("Category", Report.ByCategory);
        AssertTable("Event type", Report.ByEventType);

        void AssertTable(string header, IReadOnlyList<BreakdownRow> rows)
        {
            var table = TableAfter($"| {header} | Incidents | Killed | Injured |");
            Assert.Equal(rows.Select(r => $"| {r.Name} | {ReportText.Number(r.Incidents)} | {ReportText.Number(r.Killed)} | {ReportText.Number(r.Injured)} |"), table);
        }
    }

    [Fact]
    public void Markdown_headline_table_gives_each_figure_with_its_comparisons()
    {
        var table = TableAfter("| Figure | This month | Previous month | Same month last year | Change |");
        Assert.Equal(Report.Headlines.Count, table.Count);
        var killed = Report.Headlines.Single(h => h.Label == "Killed");
        Assert.StartsWith("| Killed | **87** | 0 | 61 | +87 on November 2021 (none recorded then); +26 (+42.6%) on December 2020. 2 incidents had no figure", table[1], StringComparison.Ordinal);
        Assert.Equal(87, killed.Value);
    }

    [Fact]
    public void Markdown_notable_table_has_a_row_per_incident_with_linked_sources()
    {
        var table = TableAfter("| # | Date | Place | Event | Parties | Killed | Injured | Sources |");
        Assert.Equal(Report.Notable.Count, table.Count);
        for (var i = 0; i < Report.Notable.Count; i++)
        {
            var incident = Report.Notable[i];
            Assert.StartsWith($"| {incident.Id} | {incident.Date} | {incident.Place} |", table[i], StringComparison.Ordinal);
            foreach (var source in incident.Sources.Where(s => s.Url is not null))
                Assert.Contains($"[{source.Text}]({source.Url})", table[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Markdown_puts_a_link_with_spaces_or_parentheses_in_angle_brackets()
    {
        var report = SampleReport.Create() with
        {
            Notable = [new NotableIncident(9, "2021-12-03", "Bannu", "Armed assault", null, "3", "1",
                [new SourceLine("Wiki", "https://en.wikipedia.org/wiki/Bannu_(city)"), new SourceLine("Odd", "https://example.org/a b|c")])],
        };
        var text = MarkdownReportRenderer.ToMarkdown(report, Figures.ReportFigures.For(report), "x-assets");
        Assert.Contains("[Wiki](<https://en.wikipedia.org/wiki/Bannu_(city)>)", text, StringComparison.Ordinal);
        Assert.Contains("[Odd](<https://example.org/a%20b%7Cc>)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_pipes_so_a_name_cannot_split_a_table_cell()
    {
        var report = SampleReport.Create() with
        {
            ByActor = [new BreakdownRow("Jamaat-ul-Ahrar | JuA", 2, 5, 1), new BreakdownRow("<script>x</script>", 1, 1, 1)],
        };
        using var folder = new TempDirectory();
        var path = folder.File("pipes.md");
        ReportRenderers.For("md")!.Render(report, path);
        var text = File.ReadAllText(path);

        Assert.Contains("| Jamaat-ul-Ahrar \\| JuA | 2 | 5 | 1 |", text, StringComparison.Ordinal);
        Assert.Contains("| \\<script\\>x\\</script\\> | 1 | 1 | 1 |", text, StringComparison.Ordinal);
        // Four cells: five unescaped pipes.
        var row = text.Split('\n').Single(l => l.Contains("JuA", StringComparison.Ordinal));
        Assert.Equal(5, UnescapedPipe().Matches(row).Count);
    }

    [Fact]
    public void Rendering_again_replaces_the_markdown_and_its_assets_and_leaves_nothing_partial()
    {
        using var folder = new TempDirectory();
        var path = folder.File("again.md");
        var renderer = ReportRenderers.For("md")!;
        renderer.Render(SampleReport.Create(), path);
        var stale = Path.Combine(MarkdownReportRenderer.AssetsDirectory(path), "stale.png");
        File.WriteAllBytes(stale, [1, 2, 3]);

        renderer.Render(SampleReport.Create() with { Title = "Second run" }, path);

        Assert.StartsWith("# Second run", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.False(File.Exists(stale));
        Assert.Equal(["again-assets", "again.md"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private List<string> TableAfter(string header)
    {
        var lines = markdown.Text.Split('\n');
        var start = Array.IndexOf(lines, header);
        Assert.True(start >= 0, $"no table headed {header}");
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).ToList();
    }

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)<>\s]+)\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
