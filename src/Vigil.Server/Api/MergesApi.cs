using Vigil.Application.Review;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Extraction.Merging;
using Vigil.Extraction.Review;
using Vigil.Server.Infrastructure;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// /api/v1/merges: what merging the pending report candidates would do (viewer), carrying it out and undoing a merge
/// (analyst), the recorded merges (viewer); /api/v1/incidents/{id}/reports: the extracted reports behind an incident.
/// </summary>
public static class MergesApi
{
    public static void MapMerges(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/merges").WithTags("review");
        group.MapGet("/", List).RequireAuthorization(Policies.Read).WithSummary("Recorded merges, newest first (undone ones marked).")
            .Produces<IReadOnlyList<Storage.MergeRow>>().Fails(400);
        group.MapGet("/plan", Plan).RequireAuthorization(Policies.Read)
            .WithSummary("What merging the pending report candidates would do: each group, the stored incident it matches (if any) and why. Changes nothing.")
            .Produces<MergePlanAnswer>().Fails(400);
        group.MapPost("/apply", Apply).RequireAuthorization(Policies.Write)
            .WithSummary("Merges the pending report candidates as the plan says (analyst); each merge is recorded and reversible.")
            .Produces<MergeApplyAnswer>().Fails(400, 409);
        group.MapPost("/{id:long}/undo", Undo).RequireAuthorization(Policies.Write)
            .WithSummary("Undoes a merge (analyst): its candidates go back to pending; an incident it created is deleted, an incident it changed gets its fields back.")
            .Produces(StatusCodes.Status204NoContent).Fails(404, 409);
        api.MapGet("/incidents/{id:long}/reports", Reports).WithTags("incidents").RequireAuthorization(Policies.Read)
            .WithSummary("The extracted news reports accepted into an incident, each with its own figures and evidence.")
            .Produces<IReadOnlyList<CandidateResource>>().Fails(404);
    }

    private static IResult List(StoreAccess stores, int? limit)
    {
        if (limit is < 1 or > 1000)
            return Problems.Field("limit", "must be between 1 and 1000");
        using var db = stores.Open();
        return Results.Ok(db.Candidates.Merges(limit ?? 100));
    }

    private static IResult Plan(StoreAccess stores, int? window)
    {
        if (window is < 0 or > 30)
            return Problems.Field("window", "must be 0 to 30 days");
        using var db = stores.Open();
        var (plan, counts) = QueueMerges.Plan(db, window ?? 1);
        return Results.Ok(new MergePlanAnswer([.. plan.Select(Group)], counts.Blocks, counts.IncidentsRead, counts.Comparisons));
    }

    private static IResult Apply(HttpContext context, StoreAccess stores, ILogger<AppliedMerge> log, int? window)
    {
        if (window is < 0 or > 30)
            return Problems.Field("window", "must be 0 to 30 days");
        using var db = stores.Open();
        var (plan, _) = QueueMerges.Plan(db, window ?? 1);
        try
        {
            var applied = QueueMerges.Apply(db, plan, Actor.Of(context), log).ToList();
            context.Items[Actor.DetailKey] = $"{applied.Count} merges applied";
            return Results.Ok(new MergeApplyAnswer(
                [.. applied.Select(a => new AppliedMergeAnswer(a.MergeId, a.Incident.Id, a.Planned.Entry.Outcome == MergeOutcome.IntoExisting, a.Planned.CandidateIds))],
                [.. plan.Where(p => p.LeftForReview).Select(Group)]));
        }
        catch (VigilException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot merge", detail: e.Message);
        }
    }

    private static IResult Undo(long id, HttpContext context, StoreAccess stores, ILogger<AppliedMerge> log)
    {
        using var db = stores.Open();
        try
        {
            QueueMerges.Undo(db, id, Actor.Of(context), log);
        }
        catch (NotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
        catch (VigilException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot undo", detail: e.Message);
        }
        context.Items[Actor.DetailKey] = $"merge {id} undone";
        return Results.NoContent();
    }

    private static IResult Reports(long id, StoreAccess stores)
    {
        using var db = stores.Open();
        var store = db.Incidents;
        if (store.Find(id, includeDeleted: true) is null)
            return Problems.NotFound($"incident {id}");
        return Results.Ok(db.Candidates.ReportsBehind(id).Select(CandidateResource.Of));
    }

    private static MergeGroup Group(PlannedMerge p) => new(
        p.CandidateIds, [.. p.Entry.Cluster.Reports.Select(r => r.ArticleId)], EnumText<MergeOutcome>.Format(p.Entry.Outcome), p.Entry.Into?.Id,
        p.Entry.AlsoMatched, Figure(p.Entry.Cluster.Killed), Figure(p.Entry.Cluster.Injured), [.. p.Entry.Cluster.Reasons.Append(p.Entry.Why)]);

    private static MergeFigure Figure(Domain.Incidents.CasualtyCount c) => new(c.Low, c.Best, c.High, c.Rule);
}
