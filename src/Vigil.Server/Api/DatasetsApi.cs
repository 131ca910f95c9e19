using Vigil.Server.Auth;
using Vigil.Server.Infrastructure;

namespace Vigil.Server.Api;

/// <summary>/api/v1/datasets and /api/v1/imports: what the database holds and every import with its outcome.</summary>
public static class DatasetsApi
{
    public static void MapDatasets(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            var store = db.Incidents;
            return Results.Ok(store.GetInfo());
        }).WithTags("datasets").RequireAuthorization(Policies.Read).WithSummary("Counts per dataset, dates covered, revisions.");
        api.MapGet("/imports", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            var store = db.Incidents;
            return Results.Ok(store.GetImports());
        }).WithTags("datasets").RequireAuthorization(Policies.Read).WithSummary("Every import: file, checksum, who, counts.");
    }
}
