using System.Globalization;
using Vigil.Application.Links;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Server.Infrastructure;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// /api/v1/links: the links between records of different datasets that describe one event — listed (viewer), built
/// from two datasets, confirmed and rejected (analyst). Nothing here merges records.
/// </summary>
public static class LinksApi
{
    /// <summary>The most links one answer holds; more are paged with offset (X-Total-Count says how many there are).</summary>
    public const int MaxPage = 500;

    public static void MapLinks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/links").WithTags("links");
        group.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("Links in id order, filtered by dataset (once: links with a record of it; twice: between the two), status (linked, ambiguous, rejected) and incident; at most 500 per answer (limit, offset; X-Total-Count gives the total).")
            .Produces<IReadOnlyList<IncidentLink>>().Fails(400)
            .AddOpenApiOperationTransformer(ApiDocument.Header("X-Total-Count", "How many links match in all.", Microsoft.OpenApi.JsonSchemaType.Integer));
        group.MapPost("/build", Build).RequireAuthorization(Policies.Write)
            .WithSummary("Links dataset A's records with dataset B's (dataset=A&dataset=B, window_days 0-30, default 1; analyst): unique matches are stored linked, several candidates as ambiguous pairs; re-running adds only what is new and never re-links a rejected pair. Nothing is merged.")
            .Produces<LinkBuildAnswer>().Fails(400);
        group.MapPost("/{id:long}/confirm", Confirm).RequireAuthorization(Policies.Write)
            .WithSummary("Confirms a link (analyst): the two records are one event. Optional reason.")
            .Produces<IncidentLink>().Fails(404, 409);
        group.MapPost("/{id:long}/reject", Reject).RequireAuthorization(Policies.Write)
            .WithSummary("Rejects a link (analyst): the two records stay apart and no build links them again. Optional reason.")
            .Produces<IncidentLink>().Fails(404, 409);
    }

    private static IResult List(HttpContext context, StoreAccess stores, string[]? dataset, string? status, long? incident, int? limit, int? offset)
    {
        if (dataset is { Length: > 2 })
            return Problems.Field("dataset", "give one dataset, or two for the links between them");
        LinkStatus? wanted = null;
        if (status is not null && status != "all")
        {
            if (!EnumText<LinkStatus>.TryParse(status, out var s))
                return Problems.Field("status", $"'{status}' is not one of: {string.Join(", ", EnumText<LinkStatus>.All)}, all");
            wanted = s;
        }
        if (limit is < 1 or > MaxPage)
            return Problems.Field("limit", $"must be 1 to {MaxPage}; page through the rest with offset");
        if (offset is < 0)
            return Problems.Field("offset", "must be zero or more");
        using var db = stores.Open();
        var page = db.Links.List(new LinkQuery
        {
            Datasets = [.. (dataset ?? []).Select(d => d.Trim())],
            Status = wanted,
            IncidentId = incident,
            Limit = limit ?? 100,
            Offset = offset ?? 0,
        });
        context.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        return Results.Ok(page.Links);
    }

    private static IResult Build(HttpContext context, StoreAccess stores, TimeProvider clock,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "dataset")] string[]? dataset,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "window_days")] int? windowDays)
    {
        if (dataset is not { Length: 2 })
            return Problems.Field("dataset", "give two datasets: dataset=A&dataset=B");
        using var db = stores.Open();
        try
        {
            var r = new DatasetLinking(db, clock).Link(new DatasetLinkRequest(dataset[0], dataset[1], windowDays ?? 1, Actor.Of(context)));
            context.Items[Actor.DetailKey] = $"links {r.DatasetA} ~ {r.DatasetB}: {r.Linked} linked, {r.Ambiguous} ambiguous added";
            return Results.Ok(new LinkBuildAnswer(r.DatasetA, r.DatasetB,
                r.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                windowDays ?? 1, r.Compared, r.Matched, r.AmbiguousRecords, r.Linked, r.Ambiguous, r.AlreadyLinked, r.SkippedRejected,
                Math.Round(r.Elapsed.TotalSeconds, 3)));
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
    }

    private static IResult Confirm(long id, HttpContext context, StoreAccess stores, string? reason) => Decide(id, LinkStatus.Linked, context, stores, reason);

    private static IResult Reject(long id, HttpContext context, StoreAccess stores, string? reason) => Decide(id, LinkStatus.Rejected, context, stores, reason);

    private static IResult Decide(long id, LinkStatus status, HttpContext context, StoreAccess stores, string? reason)
    {
        using var db = stores.Open();
        try
        {
            var link = db.Links.SetStatus(id, status, Actor.Of(context), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
            context.Items[Actor.DetailKey] = $"link {id} {EnumText<LinkStatus>.Format(status)}";
            return Results.Ok(link);
        }
        catch (NotFoundException)
        {
            return Problems.NotFound($"link {id}");
        }
        catch (VigilException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot decide", detail: e.Message);
        }
    }
}
