using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>/api/v1/datasets and /api/v1/imports: what the database holds and every import with its outcome.</summary>
public static class DatasetsApi
{
    public static void MapDatasets(this RouteGroupBuilder api)
    {
        api.MapGet("/datasets", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            // Where the database lives (a file path, a server address) is the server's business, not its readers'.
            var i = db.Incidents.GetInfo();
            return Results.Ok(new { i.Backend, i.SchemaVersion, i.Incidents, i.DeletedIncidents, i.Revisions, i.Sources, i.Imports, i.FirstDate, i.LastDate, i.Datasets });
        }).WithTags("datasets").RequireAuthorization(Policies.Read).WithSummary("Counts per dataset, dates covered, revisions (never where the database is).");
        api.MapGet("/imports", (StoreAccess stores) =>
        {
            using var db = stores.Open();
            var store = db.Incidents;
            return Results.Ok(store.GetImports());
        }).WithTags("datasets").RequireAuthorization(Policies.Read).WithSummary("Every import: file, checksum, who, counts.");
    }
}
