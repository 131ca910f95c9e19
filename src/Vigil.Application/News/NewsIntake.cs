using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigil.Application.Reference;
using Vigil.Extraction;
using Vigil.Extraction.Input;
using Vigil.Storage;

namespace Vigil.Application.News;

/// <summary>An article as it arrives, before it is known to be new: its address as kept, its content hash and its outlet's copy.</summary>
public sealed record IncomingArticle(Article Article, string? Url, string ContentHash, ArticleSource Source)
{
    /// <summary>The article with no text, for a repeat (only its source is recorded).</summary>
    public QueuedArticle Bare => new(Article.Id, Article.Title, "", null) { Url = Url, ContentHash = ContentHash };
}

/// <summary>What one article received became: its place in the request, and the receipt.</summary>
public sealed record IntakeOutcome(int Index, string ArticleId, ArticleReceipt Receipt);

/// <summary>
/// Articles received from outside — pushed (<c>POST /api/v1/intake</c>, for scrapers and newsroom systems) or read from
/// the feeds the server watches: each is kept once — an article already kept with the same address, id or text is
/// recorded as another source of it and queues nothing (a repeat is found before it is read, so it costs no extraction)
/// — and a new one is read by the extractor and its candidates queued for review, with its document kind, exactly as
/// <c>vigil ingest-news</c> queues them.
/// </summary>
public sealed class NewsIntake(IVigilDatabase db, ReferenceData reference)
{
    /// <summary>The most articles one request may carry.</summary>
    public const int MaxArticles = 100;

    private const string GeneratedPrefix = "intake:";

    /// <summary>An id for an article sent without one; never taken for a feed's GUID when matching repeats.</summary>
    public static string GeneratedId() => GeneratedPrefix + Guid.NewGuid().ToString("N");

    public IReadOnlyList<IntakeOutcome> Receive(IReadOnlyList<Article> articles, string by, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<IntakeOutcome>(articles.Count);
        for (var i = 0; i < articles.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var article = articles[i];
            var guid = article.Id.StartsWith(GeneratedPrefix, StringComparison.Ordinal) ? null : article.Id;
            outcomes.Add(new IntakeOutcome(i, article.Id, Receive(article, guid, by)));
        }
        return outcomes;
    }

    /// <summary>
    /// Receives one article: <paramref name="guid"/> is the id its publisher gave it (a feed's GUID), matched against the
    /// ids of kept articles; null when it has none of its own.
    /// </summary>
    public ArticleReceipt Receive(Article article, string? guid, string by)
    {
        var incoming = Incoming(article, guid);
        var (kept, candidates) = db.Candidates.FindRepeat(incoming.Url, guid, incoming.ContentHash) is null
            ? Read(reference, incoming)
            : (incoming.Bare, []);
        return db.Candidates.Receive(kept, incoming.Source, candidates, by);
    }

    /// <summary>An article as it arrives: its address as kept, its content hash and its outlet's copy (no database, no extraction).</summary>
    public static IncomingArticle Incoming(Article article, string? guid)
    {
        var url = NormalUrl(article.Url);
        var hash = ContentHash(ArticleExtractor.TextRead(article.Text));
        var source = new ArticleSource(article.Source, article.Url, guid,
            article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return new IncomingArticle(article, url, hash, source);
    }

    /// <summary>
    /// Reads a new article (no database): the article as kept — the text as extraction read it, its document kind — and
    /// the candidates to queue. Callers that read in parallel do this outside their database work.
    /// </summary>
    public static (QueuedArticle Kept, IReadOnlyList<ExtractionCandidate> Candidates) Read(ReferenceData reference, IncomingArticle incoming)
    {
        var extraction = reference.Extractor.Extract(incoming.Article);
        var candidates = NewsIngestion.Candidates(extraction).Select(c => c with { Article = null }).ToList();
        var kept = new QueuedArticle(incoming.Article.Id, incoming.Article.Title, extraction.Text,
            Domain.Text.EnumText<Extraction.Documents.DocumentKind>.Format(extraction.Document.Kind))
        {
            Url = incoming.Url,
            ContentHash = incoming.ContentHash,
        };
        return (kept, candidates);
    }

    /// <summary>
    /// An address as one article has it however it was linked: scheme and host in lower case, no fragment, no tracking
    /// parameters (utm_*, fbclid, gclid), no trailing slash. Null when there is none or it is not an http(s) address.
    /// </summary>
    public static string? NormalUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return null;
        var query = string.Join("&", uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !(p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || p.StartsWith("fbclid=", StringComparison.OrdinalIgnoreCase)
                || p.StartsWith("gclid=", StringComparison.OrdinalIgnoreCase))));
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{(uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture))}{path}{(query.Length > 0 ? "?" + query : "")}";
    }

    /// <summary>How much of an article's opening its content hash covers.</summary>
    public const int HashedLead = 500;

    /// <summary>
    /// SHA-256 of the article's opening — its first <see cref="HashedLead"/> characters with case and spacing folded. An
    /// outlet's line breaks or capitals do not make another story, nor does what it appends after the story (a newsletter
    /// box, a copyright line the page reader kept): a syndicated copy keeps the lead.
    /// </summary>
    public static string ContentHash(string text)
    {
        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = folded.Length > 0;
                continue;
            }
            if (space)
                folded.Append(' ');
            space = false;
            folded.Append(char.ToLowerInvariant(ch));
            if (folded.Length >= HashedLead)
                break;
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded.ToString())));
    }
}
