using System.Text.RegularExpressions;
using Vigil.Reports.Model;
using Vigil.TestSupport;

namespace Vigil.Reports.Tests;

public sealed partial class HtmlReportTests(RenderedHtml html) : IClassFixture<RenderedHtml>
{
    private MonthlyReport Report => html.Report;

    [Fact]
    public void Html_contains_every_headline_number_with_its_change_sentence()
    {
        var text = html.Text;
        foreach (var h in Report.Headlines)
        {
            Assert.Contains($"<div class=\"label\">{h.Label}</div>\n<div class=\"value\">{ReportText.Number(h.Value)}</div>", text, StringComparison.Ordinal);
            Assert.Contains(h.Change, text, StringComparison.Ordinal);
        }
        Assert.Contains("2 incidents had no figure (not counted as zero)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_contains_every_statement_as_a_list_item()
    {
        foreach (var s in Report.Statements)
            Assert.Contains($"<li>{s}</li>", html.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_has_a_table_row_for_every_province_actor_and_event_type()
    {
        foreach (var row in Report.ByProvince.Concat(Report.ByActor).Concat(Report.ByEventType))
        {
            var expected = $"<tr><td>{row.Name}</td><td class=\"n\">{ReportText.Number(row.Incidents)}</td>"
                + $"<td class=\"n\">{ReportText.Number(row.Killed)}</td><td class=\"n\">{ReportText.Number(row.Injured)}</td></tr>";
            Assert.Contains(expected, html.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_lists_every_notable_incident_with_its_sources_linked_where_a_url_is_given()
    {
        var text = html.Text;
        foreach (var incident in Report.Notable)
        {
            var start = text.IndexOf($"<tr id=\"incident-{incident.Id}\">", StringComparison.Ordinal);
            Assert.True(start >= 0, $"incident {incident.Id} missing");
            var row = text[start..text.IndexOf("</tr>", start, StringComparison.Ordinal)];
            Assert.Contains($"<td class=\"date\">{incident.Date}</td><td>{incident.Place}</td><td>{incident.EventType}</td>", row, StringComparison.Ordinal);
            Assert.Contains($"<td>{incident.Perpetrator ?? "not known"}</td>", row, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"n\">{incident.Killed}</td><td class=\"n\">{incident.Injured}</td>", row, StringComparison.Ordinal);
            foreach (var source in incident.Sources)
            {
                Assert.Contains(source.Url is null
                    ? $"<li>{source.Text}</li>"
                    : $"<li><a href=\"{source.Url}\" rel=\"noopener noreferrer\">{source.Text}</a></li>", row, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Html_draws_the_two_charts_and_the_map_as_inline_svg()
    {
        var text = html.Text;
        Assert.Equal(3, SvgOpen().Matches(text).Count);
        foreach (var id in new[] { "trend-title", "provinces-title", "map-title" })
            Assert.Contains($"aria-labelledby=\"{id}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
        // Polygons of the map and bars of the charts are really there.
        Assert.True(Regex.Matches(text, "<path ").Count > 100);
    }

    [Fact]
    public void Html_ids_of_the_inline_svgs_do_not_collide()
    {
        var ids = Regex.Matches(html.Text, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Html_holds_no_url_but_the_notable_incidents_own_sources()
    {
        var sources = Report.Notable.SelectMany(n => n.Sources).Select(s => s.Url).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var found = Url().Matches(html.Text).Select(m => m.Value).ToList();
        Assert.NotEmpty(found);
        Assert.All(found, url => Assert.Contains(url, sources));
        Assert.DoesNotContain("src=", html.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Html_escapes_hostile_text_and_links_only_http_urls()
    {
        var hostile = "<script>alert(\"x\")</script> & 'co'";
        var report = SampleReport.Create() with
        {
            Title = "Assessment <b>bold</b>",
            Statements = [hostile],
            ByActor = [new BreakdownRow("Lashkar <i>X</i> & Co", 1, 2, 3)],
            Notable = [new NotableIncident(7, "2021-12-01", "Quetta", "IED <explosion>", null, "1", "0",
                [new SourceLine("click me", "javascript:alert(1)"), new SourceLine("\"quoted\" source", "https://example.org/a?b=1&c=\"2\"")])],
        };
        using var folder = new TempDirectory();
        var path = folder.File("hostile.html");
        ReportRenderers.For("html")!.Render(report, path);
        var text = File.ReadAllText(path);

        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold</b>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>X</i>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;", text, StringComparison.Ordinal);
        Assert.Contains("<td>Lashkar &lt;i&gt;X&lt;/i&gt; &amp; Co</td>", text, StringComparison.Ordinal);
        Assert.Contains("<td>IED &lt;explosion&gt;</td>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<li>click me</li>", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\" rel=\"noopener noreferrer\">&quot;quoted&quot; source</a>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_of_a_scope_the_gazetteer_does_not_know_says_why_there_is_no_map()
    {
        var report = SampleReport.Create() with { Scope = "Atlantis", Districts = [] };
        using var folder = new TempDirectory();
        var path = folder.File("atlantis.html");
        ReportRenderers.For("html")!.Render(report, path);
        var text = File.ReadAllText(path);
        Assert.Contains("No map: the scope &quot;Atlantis&quot; is not a country or province in the gazetteer", text, StringComparison.Ordinal);
        Assert.Equal(2, SvgOpen().Matches(text).Count);
    }

    [GeneratedRegex("<svg\\b")]
    private static partial Regex SvgOpen();

    [GeneratedRegex("https?://[^\\s\"'<>)]+")]
    private static partial Regex Url();
}
