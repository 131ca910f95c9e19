using System.Text.Json;
using Vigil.Application.Review;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Text;
using Vigil.Extraction.Review;
using Vigil.Server.Infrastructure;
using Vigil.Storage;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// /api/v1/review: the queue of extracted candidates (issue 4) — list (viewer), accept (analyst): a report as a new
/// incident or into an existing one, an engagement, commitment or border event into the accountability store, a
/// claim into the accepted claims; reject (analyst). Accepting is one transaction: what it became and the candidate.
/// </summary>
public static class ReviewApi
{
    public static void MapReview(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/review").WithTags("review");
        group.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("Extracted candidates with their evidence (status: pending (default), accepted, rejected or all).")
            .Produces<IReadOnlyList<CandidateResource>>().Fails(400);
        group.MapPost("/{id:long}/accept", Accept).RequireAuthorization(Policies.Write)
            .WithSummary("Accepts a pending candidate (analyst). Optional JSON body: field edits by kind — report: killed, injured, district, province, date, event_type, perpetrator (or merge_into, an incident id, with use_figures); engagement: key, date, end, place, format; commitment: key, engagement, date, made_by, made_to, category, indicator_metric, indicator_perpetrator, indicator_province, indicator_direction; border-event: crossing, date, status; claim: none.")
            .JsonBody<AcceptBody>(optional: true).Produces<AcceptAnswer>().Fails(404, 409);
        group.MapPost("/{id:long}/reject", Reject).RequireAuthorization(Policies.Write)
            .WithSummary("Rejects a pending candidate (analyst); it is kept, marked rejected.")
            .Produces(StatusCodes.Status204NoContent).Fails(404);
    }

    private static IResult List(StoreAccess stores, string? status, int? limit, long? after)
    {
        CandidateStatus? wanted = null;
        if (status is not null and not "all")
        {
            if (!EnumText<CandidateStatus>.TryParse(status, out var s))
                return Problems.Field("status", $"'{status}' is not one of: pending, accepted, rejected, all");
            wanted = s;
        }
        else if (status is null)
            wanted = CandidateStatus.Pending;
        var size = limit ?? 50;
        if (size is < 1 or > 1000)
            return Problems.Field("limit", "must be between 1 and 1000");
        using var db = stores.Open();
        return Results.Ok(db.Candidates.List(wanted, size, after ?? 0).Select(CandidateResource.Of));
    }

    private static async Task<IResult> Accept(long id, HttpContext context, StoreAccess stores)
    {
        var (edits, mergeInto, useFigures, problem) = await ReadDecision(context);
        if (problem is not null)
            return problem;
        if (mergeInto is not null && edits.Count > 0)
            return Problems.Field("merge_into", "field edits apply to a new incident; edit the existing incident instead");
        using var db = stores.Open();
        var store = db.Incidents;
        try
        {
            var by = Actor.Of(context);
            var accepted = mergeInto is { } into
                ? CandidateAcceptance.MergeInto(db, id, into, by, useFigures)
                : CandidateAcceptance.Accept(db, id, by, edits, context.RequestServices.GetRequiredService<ServerOptions>().DateLimit(context.RequestServices.GetRequiredService<TimeProvider>()));
            context.Items[Actor.DetailKey] = accepted.Describe();
            return Results.Ok(new AcceptAnswer(id, accepted.Kind, accepted.AcceptedAs, accepted.Describe(),
                accepted.IncidentId is { } incident ? IncidentResource.Of(store.Find(incident)!) : null));
        }
        catch (NotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: e.Message);
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        catch (VigilException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot accept", detail: e.Message);
        }
    }

    private static IResult Reject(long id, HttpContext context, StoreAccess stores)
    {
        using var db = stores.Open();
        try
        {
            db.Candidates.Reject(id, Actor.Of(context));
        }
        catch (NotFoundException)
        {
            return Problems.NotFound($"pending candidate {id}");
        }
        context.Items[Actor.DetailKey] = $"candidate {id} rejected";
        return Results.NoContent();
    }

    /// <summary>The optional body of an accept: merge_into, use_figures, and every other key a field edit.</summary>
    private static async Task<(List<KeyValuePair<string, string>> Edits, long? MergeInto, bool UseFigures, IResult? Problem)> ReadDecision(HttpContext context)
    {
        var edits = new List<KeyValuePair<string, string>>();
        if (context.Request.ContentLength is 0 || (context.Request.ContentLength is null && !context.Request.HasJsonContentType()))
            return (edits, null, false, null);
        var (body, problem) = await JsonBody.ReadAsync<Dictionary<string, JsonElement>>(context);
        if (problem is not null)
            return (edits, null, false, problem);
        long? mergeInto = null;
        var useFigures = false;
        foreach (var (key, value) in body!)
        {
            switch (key)
            {
                case "merge_into" when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var into):
                    mergeInto = into;
                    break;
                case "merge_into":
                    return (edits, null, false, Problems.Field(key, "must be an incident id"));
                case "use_figures" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    useFigures = value.GetBoolean();
                    break;
                case "use_figures":
                    return (edits, null, false, Problems.Field(key, "must be true or false"));
                default:
                    if (!StatementFields.All.Contains(key))
                        return (edits, null, false, Problems.Field(key, $"cannot be set; one of: merge_into, use_figures, {string.Join(", ", StatementFields.All)}"));
                    if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                        return (edits, null, false, Problems.Field(key, "must be a string or a number"));
                    edits.Add(new(key, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
                    break;
            }
        }
        return (edits, mergeInto, useFigures, null);
    }
}

/// <summary>A review candidate as the API shows it.</summary>
public sealed record CandidateResource(long Id, string ArticleId, string? Source, string? Url, string? Published, string Kind, string Summary,
    string? Evidence, JsonElement Payload, string Status, long? IncidentId, string CreatedAt, string? DecidedAt, string? DecidedBy, string? AcceptedAs)
{
    public static CandidateResource Of(ExtractionCandidate c) => new(c.Id, c.ArticleId, c.Source, c.Url, c.Published, c.Kind, c.Summary, c.Evidence,
        JsonDocument.Parse(c.Payload).RootElement.Clone(), EnumText<CandidateStatus>.Format(c.Status), c.IncidentId, c.CreatedAt, c.DecidedAt, c.DecidedBy, c.AcceptedAs);
}
