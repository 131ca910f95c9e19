using Vigil.Domain.Actors;
using Vigil.Extraction.Incidents;
using Vigil.Extraction.Input;
using Vigil.Extraction.Statements;
using Vigil.Extraction.Text;
using Vigil.Geo;

namespace Vigil.Extraction;

/// <summary>
/// Runs every extractor over an article: the incident report, statistical claims, engagements, border events
/// and commitments. The text is cut to <see cref="ExtractionBudget.MaxTextChars"/> first, and nothing here
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
    {
        var places = new PlaceFinder(gazetteer);
        var actors = new ActorFinder(catalog);
        _reports = new IncidentReportExtractor(places, actors);
        _claims = new StatisticalClaimExtractor(actors, places);
        _engagements = new EngagementExtractor(places);
        _borders = new BorderEventExtractor(places);
        _commitments = new CommitmentExtractor(actors, catalog);
    }

    /// <summary>The extractor over Vigil's bundled gazetteer and alias table.</summary>
    public static ArticleExtractor Bundled => LazyBundled.Value;

    private static readonly Lazy<ArticleExtractor> LazyBundled = new(() => new ArticleExtractor(Gazetteer.Bundled, ActorCatalog.Bundled));

    public ArticleExtraction Extract(Article article)
    {
        var text = article.Text.Length > ExtractionBudget.MaxTextChars ? article.Text[..ExtractionBudget.MaxTextChars] : article.Text;
        var doc = new TextDocument(text);
        var engagements = _engagements.Extract(doc, article.Published);
        var claims = _claims.Extract(doc, article.Published);
        // Figures that are statistics over a period ("134 people lost their lives" in January) are not one attack's toll.
        var claimSpans = claims.Where(c => c.Evidence is not null).Select(c => c.Evidence!).ToList();
        return new ArticleExtraction(
            article,
            text,
            _reports.Extract(article, doc, m => claimSpans.Any(c => m.Start >= c.Start && m.End <= c.End)),
            claims,
            engagements,
            _borders.Extract(doc, article.Published),
            _commitments.Extract(doc, engagements));
    }

    /// <summary>Only the incident report (what the evaluation and the throughput benchmark measure).</summary>
    public ExtractedReport? ExtractReport(Article article)
    {
        var text = article.Text.Length > ExtractionBudget.MaxTextChars ? article.Text[..ExtractionBudget.MaxTextChars] : article.Text;
        return _reports.Extract(article, new TextDocument(text));
    }
}
