using Vigil.Extraction;
using Vigil.Extraction.Input;
using Vigil.Storage;

namespace Vigil.TestSupport;

/// <summary>Pending report candidates made from one sentence each, with the payload as <c>vigil ingest-news</c> writes it.</summary>
public static class ReportCandidates
{
    public static ExtractionCandidate From(string articleId, string text, DateOnly published, string source = "Dawn")
    {
        var url = $"https://example.org/{articleId}";
        var x = ArticleExtractor.Bundled.Extract(new Article(articleId, text, published, source, url, "Headline"));
        var report = x.Report ?? throw new InvalidOperationException($"no report extracted from '{text}'");
        var payload = ExtractionJson.ToJson(x)["report"]!.AsObject();
        payload["headline"] = "Headline";
        payload["url"] = url;
        return new ExtractionCandidate(0, articleId, source, url, published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "report",
            "report", report.Killed?.Phrase, payload.ToJsonString(), CandidateStatus.Pending, null, "", null, null);
    }
}
