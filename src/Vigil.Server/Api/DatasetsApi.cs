using Vigil.Application.Datasets;
using Vigil.Domain.Errors;
using Vigil.Server.Infrastructure;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// /api/v1/datasets and /api/v1/imports: what the database holds, each dataset with its description, licence and
/// coverage (edited and made primary by an admin), and every import with its outcome.
/// </summary>
public static class DatasetsApi
{
    /// <summary>
    /// The body of <c>PUT /api/v1/datasets/{name}</c>: the fields to change (as <see cref="DatasetEdit"/>); a member left
    /// out or null is not changed, a list given replaces the list, <c>from</c>/<c>to</c> <c>"none"</c> follow the data.
    /// </summary>
    [ApiInput]
    public sealed record DatasetBody(
        string? Title, string? Description, string? Citation, string? Licence, bool? Redistributable, string? From, string? To,
        IReadOnlyList<string>? Gaps, IReadOnlyList<string>? Countries, IReadOnlyList<string>? EventTypes, string? Kinds,
        IReadOnlyList<string>? NotRecorded, bool? Comprehensive, string? Continues = null)
    {
        public DatasetEdit ToEdit() => new()
        {
            Title = Title,
            Description = Description,
            Citation = Citation,
            Licence = Licence,
            Redistributable = Redistributable,
            From = From,
            To = To,
            Gaps = Gaps,
            Countries = Countries,
            EventTypes = EventTypes,
            Kinds = Kinds,
            NotRecorded = NotRecorded,
            Comprehensive = Comprehensive,
            Continues = Continues,
        };
    }

    public static void MapDatasets(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            // Where the database lives (a file path, a server address) is the server's business, not its readers'.
            var i = db.Incidents.GetInfo();
            var registry = new DatasetRegistry(db).List().Select(DatasetJson.Of).ToList();
            return Results.Ok(new DatabaseAnswer(i.Backend, i.SchemaVersion, i.Incidents, i.DeletedIncidents, i.Revisions, i.Sources, i.Imports, i.FirstDate, i.LastDate, i.Datasets, registry));
        }).WithTags("datasets").RequireAuthorization(Policies.Read)
            .WithSummary("Counts per dataset, dates covered, revisions (never where the database is), and the registry: each dataset with its title, description, citation, licence, whether its rows may be shared, the primary mark and its coverage.")
            .Produces<DatabaseAnswer>();
        api.MapGet("/datasets/{name}", Show).WithTags("datasets").RequireAuthorization(Policies.Read)
            .WithSummary("One dataset: title, description, citation, licence, the primary mark and its coverage (declared, from its data and in effect; gaps, countries, event types, what it does not record, the spans covered fully). 404 names the datasets there are.")
            .Produces<DatasetJson>().Fails(404);
        api.MapPut("/datasets/{name}", Edit).WithTags("datasets").RequireAuthorization(Policies.Admin)
            .WithSummary("Edits a dataset (admin): a JSON body of the fields to change (title, description, citation, licence, redistributable, from, to, gaps as FROM..TO, countries, event_types, kinds, not_recorded, comprehensive); the rest is kept. A bad value is a 400 naming the field, and nothing is written.")
            .JsonBody<DatasetBody>().Produces<DatasetJson>().Fails(404);
        api.MapPost("/datasets/{name}/primary", Primary).WithTags("datasets").RequireAuthorization(Policies.Admin)
            .WithSummary("Makes a dataset the primary one (admin): figures that name no dataset count it.")
            .Produces<DatasetJson>().Fails(404);
        api.MapGet("/imports", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            var store = db.Incidents;
            return Results.Ok(store.GetImports());
        }).WithTags("datasets").RequireAuthorization(Policies.Read).WithSummary("Every import: file, checksum, who, counts.")
            .Produces<IReadOnlyList<Storage.ImportRecord>>();
    }

    private static IResult Show(string name, StoreAccess stores)
    {
        using var db = stores.Open();
        try
        {
            return Results.Ok(DatasetJson.Of(new DatasetRegistry(db).Show(Uri.UnescapeDataString(name))));
        }
        catch (NotFoundException e)
        {
            return Problems.NotFound(e);
        }
    }

    private static async Task<IResult> Edit(string name, HttpContext context, StoreAccess stores)
    {
        var (body, problem) = await JsonBody.ReadAsync<DatasetBody>(context);
        if (problem is not null)
            return problem;
        using var db = stores.Open();
        try
        {
            var edited = new DatasetRegistry(db).Edit(Uri.UnescapeDataString(name), body!.ToEdit());
            context.Items[Actor.DetailKey] = $"dataset {edited.Name} edited";
            return Results.Ok(DatasetJson.Of(edited));
        }
        catch (NotFoundException e)
        {
            return Problems.NotFound(e);
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
    }

    private static IResult Primary(string name, HttpContext context, StoreAccess stores)
    {
        using var db = stores.Open();
        try
        {
            var primary = new DatasetRegistry(db).SetPrimary(Uri.UnescapeDataString(name));
            context.Items[Actor.DetailKey] = $"dataset {primary.Name} made primary";
            return Results.Ok(DatasetJson.Of(primary));
        }
        catch (NotFoundException e)
        {
            return Problems.NotFound(e);
        }
    }
}
