using Vigil.Domain.Accountability;

namespace Vigil.Extraction.Review;

/// <summary>
/// The candidate being accepted and the article it came from: id, article id, source name, url, publication date
/// and the evidence text (the sentence or phrase the item was read from).
/// </summary>
public sealed record CandidateArticle(long CandidateId, string ArticleId, string? Source, string? Url, DateOnly? Published, string? Evidence)
{
    /// <summary>The article as a citation (the source name, else the article id).</summary>
    public Citation Citation => new(Source ?? ArticleId, Published, Url);
}
