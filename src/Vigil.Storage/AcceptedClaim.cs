namespace Vigil.Storage;

/// <summary>
/// A statistical claim accepted from the news (table <c>accepted_claims</c>): the claim as ClaimJson text, the
/// article it came from (id, source, url, publication date), the evidence, and who accepted it when.
/// </summary>
public sealed record AcceptedClaim(
    long Id,
    long CandidateId,
    string ArticleId,
    string? Source,
    string? Url,
    string? Published,
    string Claim,
    string? Evidence,
    string AcceptedAt,
    string AcceptedBy);
