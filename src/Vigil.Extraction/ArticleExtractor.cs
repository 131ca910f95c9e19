using Vigil.Domain.Actors;
using Vigil.Extraction.Documents;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Statements;
using Vigil.Extraction.Text;
using Vigil.Geo;

namespace Vigil.Extraction;

/// <summary>
/// Runs every extractor over an article: the incident report, statistical claims, engagements, border events
/// and commitments, and classifies the article (<see cref="DocumentClassifier"/>): only the kinds that report
/// an attack keep their incident report. The text is cut to <see cref="ExtractionBudget.MaxTextChars"/> first, and nothing here
/// uses regular expressions, so the time per article is bounded by its length.
/// </summary>
public sealed class ArticleExtractor
{
    private readonly IncidentReportExtractor _reports;
    private readonly StatisticalClaimExtractor _claims;
    private readonly EngagementExtractor _engagements;
    private readonly BorderEventExtractor _borders;
    private readonly CommitmentExtractor _commitments;

    public ArticleExtractor(Gazetteer gazetteer, ActorCatalog catalog)
        : this(new PlaceFinder(gazetteer), new ActorFinder(catalog), catalog)
    {
    }

    private ArticleExtractor(PlaceFinder places, ActorFinder actors, ActorCatalog catalog)
    {
        _reports = new IncidentReportExtractor(places, actors);
        _claims = new StatisticalClaimExtractor(actors, places);
        _engagements = new EngagementExtractor(places);
        _borders = new BorderEventExtractor(places);
        _commitments = new CommitmentExtractor(actors, catalog);
    }

    /// <summary>The extractor over Vigil's bundled gazetteer and alias table (sharing the bundled place and actor finders).</summary>
    public static ArticleExtractor Bundled => LazyBundled.Value;

    private static readonly Lazy<ArticleExtractor> LazyBundled = new(() => new ArticleExtractor(PlaceFinder.Bundled, ActorFinder.Bundled, ActorCatalog.Bundled));

    public ArticleExtraction Extract(Article article)
    {
        var (text, doc) = Document(article);
        var engagements = _engagements.Extract(doc, article.Published);
        var (report, claims, kind) = ReportAndStatistics(article, doc);
        return new ArticleExtraction(
            article,
            text,
            report,
            claims,
            engagements,
            _borders.Extract(doc, article.Published),
            _commitments.Extract(doc, engagements),
            kind);
    }

    /// <summary>Only the incident report — the same one <see cref="Extract"/> gives (what the evaluation and merging use).</summary>
    public ExtractedReport? ExtractReport(Article article)
    {
        var (_, doc) = Document(article);
        return ReportAndStatistics(article, doc).Report;
    }

    /// <summary>The incident report (when the document's kind yields one), the statistics and the document's kind with its cues.</summary>
    public (ExtractedReport? Report, IReadOnlyList<Domain.Claims.Claim> Statistics, DocumentClassification Kind) ReportAndStatistics(Article article)
    {
        var (_, doc) = Document(article);
        return ReportAndStatistics(article, doc);
    }

    private (ExtractedReport? Report, IReadOnlyList<Domain.Claims.Claim> Statistics, DocumentClassification Kind) ReportAndStatistics(Article article, TextDocument doc)
    {
        var title = string.IsNullOrWhiteSpace(article.Title) ? null : new TextDocument(TextRead(article.Title));
        var claims = _claims.Extract(doc, article.Published, title);
        var report = Report(article, doc, claims);
        var kind = DocumentClassifier.Classify(doc, title, claims, report);
        return (report is not null && DocumentClassifier.YieldsIncident(kind.Kind, report) ? report : null, claims, kind);
    }

    /// <summary>The text extraction reads of an article's text (at most <see cref="ExtractionBudget.MaxTextChars"/> characters): <see cref="ArticleExtraction.Text"/>.</summary>
    public static string TextRead(string text) => text.Length > ExtractionBudget.MaxTextChars ? text[..ExtractionBudget.MaxTextChars] : text;

    private static (string Text, TextDocument Doc) Document(Article article)
    {
        var text = TextRead(article.Text);
        return (text, new TextDocument(text));
    }

    /// <summary>The report, leaving out figures that are statistics over a period ("134 people lost their lives" in January), not one attack's toll.</summary>
    private ExtractedReport? Report(Article article, TextDocument doc, IReadOnlyList<Domain.Claims.Claim> claims)
    {
        var claimSpans = claims.Where(c => c.Evidence is not null).Select(c => c.Evidence!).ToList();
        return _reports.Extract(article, doc, m => claimSpans.Any(c => m.Start >= c.Start && m.End <= c.End));
    }
}
