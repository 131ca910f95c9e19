using System.Text.Json;
using Vigil.Application.Claims;
using Vigil.Application.Reference;
using Vigil.Domain.Claims;
using Vigil.Storage;

namespace Vigil.Application.Review;

/// <summary>A claim accepted from the news with its verdict against the data as it is now.</summary>
public sealed record AcceptedClaimCheck(AcceptedClaim Accepted, ClaimCheck Check);

/// <summary>Checks every accepted claim against the store (live: the verdict follows the data), for the command line, the API and the dashboard.</summary>
public static class AcceptedClaimChecks
{
    public static IReadOnlyList<AcceptedClaimCheck> CheckAll(IVigilDatabase db, ReferenceData reference) =>
        Check(db, reference, db.AcceptedClaims.List());

    /// <summary>One page of the accepted claims (in the order accepted), checked; and how many there are in all.</summary>
    public static (IReadOnlyList<AcceptedClaimCheck> Page, int Total) CheckPage(IVigilDatabase db, ReferenceData reference, int offset, int limit)
    {
        var all = db.AcceptedClaims.List();
        return (Check(db, reference, [.. all.Skip(offset).Take(limit)]), all.Count);
    }

    private static IReadOnlyList<AcceptedClaimCheck> Check(IVigilDatabase db, ReferenceData reference, IReadOnlyList<AcceptedClaim> claims)
    {
        var checker = new ClaimChecks(db, reference);
        return [.. claims.Select(a =>
        {
            using var doc = JsonDocument.Parse(a.Claim);
            return new AcceptedClaimCheck(a, checker.Check(ClaimJson.Parse(doc.RootElement, $"accepted claim {a.Id}")));
        })];
    }
}

/// <summary>An accepted claim and its verdict as JSON (snake_case): the article, the evidence, who accepted it, and the check (<see cref="ClaimCheckJson"/>).</summary>
public static class AcceptedClaimJson
{
    public static System.Text.Json.Nodes.JsonObject ToJson(AcceptedClaimCheck c) => new()
    {
        ["id"] = c.Accepted.Id,
        ["candidate_id"] = c.Accepted.CandidateId,
        ["article_id"] = c.Accepted.ArticleId,
        ["source"] = c.Accepted.Source,
        ["url"] = c.Accepted.Url,
        ["published"] = c.Accepted.Published,
        ["evidence"] = c.Accepted.Evidence,
        ["accepted_at"] = c.Accepted.AcceptedAt,
        ["accepted_by"] = c.Accepted.AcceptedBy,
        ["verdict"] = Vigil.Domain.Text.EnumText<Verdict>.Format(c.Check.Verdict),
        ["check"] = ClaimCheckJson.ToJson(c.Check),
    };
}
