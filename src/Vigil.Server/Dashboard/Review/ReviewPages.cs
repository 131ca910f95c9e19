using Vigil.Domain.Errors;
using Vigil.Server.Auth;
using Vigil.Server.Candidates;
using Vigil.Server.Dashboard.Shell;
using Vigil.Server.Infrastructure;
using Vigil.Storage;
using Vigil.Storage.Relational;

namespace Vigil.Server.Dashboard.Review;

/// <summary>
/// GET /review — the pending extracted candidates with their evidence (viewer); POST /review/{id}/accept and
/// /review/{id}/reject (analyst, with the form token). Accepting creates what the candidate becomes (an incident, an
/// engagement, a commitment, a status event or an accepted claim) in the
/// same transaction that marks the candidate; each decision is in the audit trail.
/// </summary>
internal static class ReviewPages
{
    public static void MapReviewPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/review", ListAsync).ExcludeFromDescription();
        app.MapPost("/review/{id:long}/accept", (long id, HttpContext context, StoreAccess stores, TimeProvider clock) => DecideAsync(id, true, context, stores, clock))
            .ExcludeFromDescription();
        app.MapPost("/review/{id:long}/reject", (long id, HttpContext context, StoreAccess stores, TimeProvider clock) => DecideAsync(id, false, context, stores, clock))
            .ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(HttpContext context, StoreAccess stores, string? done)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        using var store = stores.Open();
        var pending = new CandidateQueue(store).List(CandidateStatus.Pending, 200);
        var canDecide = chrome.Viewer.Role is ApiRole.Analyst or ApiRole.Admin;
        return Pages.Render<ReviewPage>(chrome, new ReviewModel(pending, canDecide, done));
    }

    private static async Task<IResult> DecideAsync(long id, bool accept, HttpContext context, StoreAccess stores, TimeProvider clock)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Write) is { } denied)
            return denied;
        if (!await FormToken.IsValidAsync(context))
            return Pages.FormExpired(chrome);
        using var store = stores.Open();
        var queue = new CandidateQueue(store);
        var author = Actor.Of(context);
        string detail;
        try
        {
            if (accept)
            {
                detail = CandidateAcceptance.Accept(store, id, author, []).Describe();
            }
            else
            {
                queue.Reject(id, author);
                detail = $"candidate {id} rejected";
            }
        }
        catch (NotFoundException)
        {
            return Pages.Message(chrome, StatusCodes.Status404NotFound, "Candidate not found", $"There is no pending candidate {id} (it may have been decided already).", "Review queue", "/review");
        }
        catch (VigilException e)
        {
            return Pages.Message(chrome, StatusCodes.Status409Conflict, "Cannot accept", e.Message, "Review queue", "/review");
        }
        store.Audit(new AuditEntry(clock.GetUtcNow(), author, "POST", context.Request.Path, StatusCodes.Status302Found, detail + " (dashboard)"));
        return Results.Redirect("/review?done=" + Uri.EscapeDataString(detail), permanent: false, preserveMethod: false);
    }
}

public sealed record ReviewModel(IReadOnlyList<ExtractionCandidate> Pending, bool CanDecide, string? Done);
