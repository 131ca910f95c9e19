using Vigil.Extraction.Input;
using Vigil.TestSupport;

namespace Vigil.Extraction.Tests.Input;

public class ArticleReaderTests
{
    [Fact]
    public void Strips_HTML_markup_scripts_and_styles_and_keeps_paragraphs_apart()
    {
        var text = HtmlText.ToText("<html><head><style>p{}</style></head><body><script>var killed = 99;</script><p>Five people were <b>killed</b>.</p><p>Ten were injured</p></body></html>");
        Assert.Equal("Five people were killed.\nTen were injured", text);
    }

    [Fact]
    public void Reads_JSON_lines_with_their_publication_dates()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("news.jsonl", """
            {"id": "a1", "published": "2023-03-07T10:00:00Z", "source": "Dawn", "url": "https://example.org/a1", "title": "Blast", "text": "Five people were killed on Monday."}
            {"id": "a2", "published": "2023-03-08", "text": "<p>Two were <i>injured</i>.</p>"}
            """);
        var articles = ArticleReader.Read(path).ToList();
        Assert.Equal(2, articles.Count);
        Assert.Equal(("a1", new DateOnly(2023, 3, 7), "Dawn"), (articles[0].Id, articles[0].Published, articles[0].Source));
        Assert.Equal("Two were injured.", articles[1].Text);
        var report = ArticleExtractor.Bundled.ExtractReport(articles[0]);
        Assert.Equal(new DateOnly(2023, 3, 6), report?.Date?.Value.Start);
    }

    [Fact]
    public void A_bad_JSON_line_is_reported_with_its_file_and_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.jsonl", "{\"id\": \"ok\", \"text\": \"x\"}\n{not json\n");
        var e = Assert.Throws<Vigil.Domain.Errors.InputException>(() => ArticleReader.Read(path).ToList());
        Assert.Contains("bad.jsonl:2", e.Message, StringComparison.Ordinal);
    }
}
