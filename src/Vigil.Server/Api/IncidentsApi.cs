using Vigil.Application.Incidents;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Domain.Errors;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Domain.Text;
using Vigil.Ingestion.Normalization;
using Vigil.Server.Infrastructure;
using Vigil.Storage;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Filters;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>/api/v1/incidents: list with filters, sort and pages; one with sources and revisions; create, replace, delete.</summary>
public static class IncidentsApi
{
    public static void MapIncidents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("incidents");

        group.MapGet("/", List).RequireAuthorization(Policies.Read).CacheOutput(DataVersionCachePolicy.Name)
            .WithSummary("Incidents matching the filters, a page at a time (sort: date, killed, injured or id; desc=true for descending).")
            .Produces<IncidentPage>().Fails(400);
        group.MapGet("/{id:long}", Get).RequireAuthorization(Policies.Read)
            .WithSummary("One incident with its sources; the ETag header carries its revision.")
            .Produces<IncidentResource>().Fails(404)
            .AddOpenApiOperationTransformer(ApiDocument.Header("ETag", "The incident's revision, \"ID-REVISION\": send it back in If-Match to edit or delete."));
        group.MapGet("/{id:long}/revisions", Revisions).RequireAuthorization(Policies.Read)
            .WithSummary("Every change to an incident: who, when, each field before and after.")
            .Produces<IReadOnlyList<RevisionResource>>().Fails(404);
        group.MapPost("/", Create).RequireAuthorization(Policies.Write)
            .WithSummary("Records a new incident (analyst).")
            .JsonBody<IncidentInput>().Produces<IncidentResource>(StatusCodes.Status201Created)
            .AddOpenApiOperationTransformer(ApiDocument.Header("ETag", "The new incident's revision."));
        group.MapPut("/{id:long}", Replace).RequireAuthorization(Policies.Write)
            .WithSummary("Replaces an incident's values (analyst). Needs If-Match with the ETag last read: a stale one gets 412.")
            .JsonBody<IncidentInput>().Produces<IncidentResource>().Fails(404, 412, 428)
            .AddOpenApiOperationTransformer(ApiDocument.IfMatch)
            .AddOpenApiOperationTransformer(ApiDocument.Header("ETag", "The incident's new revision."));
        group.MapDelete("/{id:long}", Delete).RequireAuthorization(Policies.Admin)
            .WithSummary("Deletes an incident (admin): it is kept, hidden, with a revision saying who and why. Needs If-Match.")
            .Produces(StatusCodes.Status204NoContent).Fails(400, 404, 412, 428)
            .AddOpenApiOperationTransformer(ApiDocument.IfMatch);
    }

    /// <summary>Pages by number reach this many incidents deep; beyond it, follow next_cursor (keyset paging).</summary>
    public const int MaxOffset = 10_000;

    private static IResult List(HttpContext context, StoreAccess stores, ReferenceData reference, ServerOptions options, [AsParameters] FilterParameters filter,
        string? sort, bool? desc, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int? pageSize, string? cursor)
    {
        if (ScopeParser.Validate(filter.ToInput()) is { } invalid)
            return Problems.Field(invalid.Field, invalid.Problem);
        var size = pageSize ?? 50;
        if (size < 1 || size > options.MaxPageSize)
            return Problems.Field("page_size", $"must be between 1 and {options.MaxPageSize}");
        var number = page ?? 1;
        if (number < 1)
            return Problems.Field("page", "must be 1 or more");
        var order = IncidentSort.Date;
        if (sort is not null && !EnumText<IncidentSort>.TryParse(sort, out order))
            return Problems.Field("sort", $"'{sort}' is not one of: {string.Join(", ", EnumText<IncidentSort>.All)}");

        (DateOnly, long)? after = null;
        if (cursor is not null)
        {
            if (order is not (IncidentSort.Date or IncidentSort.Id) || Cursor.Parse(cursor) is not { } parsed)
                return Problems.Field("cursor", "is not a cursor from next_cursor (cursors work with sort=date or sort=id)");
            after = parsed;
        }
        if (after is null && (long)(number - 1) * size > MaxOffset)
            return Problems.Field("page", $"pages by number reach {MaxOffset:N0} incidents deep; follow next_cursor (sort by date or id) to go further, or use /api/v1/exports");

        using var db = stores.Open();
        IncidentList listing;
        try
        {
            listing = new IncidentListing(db, reference).Run(new IncidentListRequest(filter.ToInput())
            {
                Sort = order,
                Descending = desc ?? (sort is null),
                Limit = size,
                Offset = after is null ? (number - 1) * size : 0,
                After = after,
                IncludeSources = true,
                MayReceiveRestricted = RowAccess.MayReceiveRestricted(context),
            });
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        catch (RowsWithheldException e)
        {
            return RowAccess.Problem(e.Withheld);
        }
        var found = listing.Items.ToList();
        var next = found.Count == size && order is IncidentSort.Date or IncidentSort.Id ? Cursor.Of(found[^1]) : null;
        return Results.Ok(new IncidentPage([.. found.Select(IncidentResource.Of)], after is null ? number : 0, size, listing.Total(), next, ScopeJson.Of(listing.Scope))
        {
            Linked = listing.Scope.Datasets.Count > 1 ? listing.Linked(found) : null,
        });
    }

    private static IResult Get(long id, StoreAccess stores, HttpContext context)
    {
        using var db = stores.Open();
        var store = db.Incidents;
        var incident = store.Find(id);
        if (incident is null)
            return Problems.NotFound($"incident {id}");
        if (RowAccess.Withheld(context, db, incident.SourceRecord?.Dataset) is { Count: > 0 } withheld)
            return RowAccess.Problem(withheld);
        context.Response.Headers.ETag = IncidentResource.ETag(incident);
        return Results.Ok(IncidentResource.Of(incident));
    }

    private static IResult Revisions(long id, StoreAccess stores, HttpContext context)
    {
        using var db = stores.Open();
        var store = db.Incidents;
        if (store.Find(id, includeDeleted: true) is not { } incident)
            return Problems.NotFound($"incident {id}");
        if (RowAccess.Withheld(context, db, incident.SourceRecord?.Dataset) is { Count: > 0 } withheld)
            return RowAccess.Problem(withheld);
        return Results.Ok(store.GetRevisions(id).Select(RevisionResource.Of));
    }

    private static async Task<IResult> Create(HttpContext context, StoreAccess stores, TimeProvider clock, ServerOptions options, ReferenceData reference)
    {
        var (input, problem) = await JsonBody.ReadAsync<IncidentInput>(context);
        if (problem is not null)
            return problem;
        Incident incident;
        try
        {
            incident = reference.Normalizer().Normalize(input!.ToIncident());
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        using var db = stores.Open();
        var store = db.Incidents;
        Incident created;
        try
        {
            created = new IncidentEditing(store, options.DateLimit(clock)).Create(incident, new ChangeContext(Actor.Of(context), "created through the API"));
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        context.Items[Actor.DetailKey] = $"incident {created.Id}";
        context.Response.Headers.ETag = IncidentResource.ETag(created);
        return Results.Created($"/api/v1/incidents/{created.Id}", IncidentResource.Of(store.Find(created.Id)!));
    }

    private static async Task<IResult> Replace(long id, HttpContext context, StoreAccess stores, TimeProvider clock, ServerOptions options, string? reason, ReferenceData reference)
    {
        if (ExpectedRevision(context, id) is not { } expected)
            return context.Request.Headers.IfMatch.Count == 0 ? Problems.PreconditionRequired() : Problems.Field("If-Match", "is not an ETag of this incident");
        var (input, problem) = await JsonBody.ReadAsync<IncidentInput>(context);
        if (problem is not null)
            return problem;
        Incident incident;
        try
        {
            incident = reference.Normalizer().Normalize(input!.ToIncident());
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        using var db = stores.Open();
        try
        {
            var updated = new IncidentEditing(db.Incidents, options.DateLimit(clock)).Replace(id, expected, incident, new ChangeContext(Actor.Of(context), reason));
            context.Items[Actor.DetailKey] = $"incident {id} revision {updated.Revision}";
            context.Response.Headers.ETag = IncidentResource.ETag(updated);
            return Results.Ok(IncidentResource.Of(updated));
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        catch (NotFoundException)
        {
            return Problems.NotFound($"incident {id}");
        }
        catch (ConcurrencyException e)
        {
            return Problems.Conflict(e);
        }
    }

    private static IResult Delete(long id, HttpContext context, StoreAccess stores, string? reason)
    {
        if (ExpectedRevision(context, id) is not { } expected)
            return context.Request.Headers.IfMatch.Count == 0 ? Problems.PreconditionRequired() : Problems.Field("If-Match", "is not an ETag of this incident");
        using var db = stores.Open();
        var store = db.Incidents;
        try
        {
            store.Delete(id, expected, new ChangeContext(Actor.Of(context), reason));
        }
        catch (NotFoundException)
        {
            return Problems.NotFound($"incident {id}");
        }
        catch (ConcurrencyException e)
        {
            return Problems.Conflict(e);
        }
        context.Items[Actor.DetailKey] = $"incident {id} deleted";
        return Results.NoContent();
    }


    /// <summary>The revision an If-Match header names for this incident ("ID-REVISION", quoted), or null.</summary>
    private static int? ExpectedRevision(HttpContext context, long id)
    {
        var header = context.Request.Headers.IfMatch.ToString().Trim();
        if (header.StartsWith("W/", StringComparison.Ordinal))
            header = header[2..];
        header = header.Trim('"');
        var dash = header.LastIndexOf('-');
        return dash > 0 && header[..dash] == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && int.TryParse(header[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;
    }
}
