using Microsoft.AspNetCore.Authorization;
using Vigil.Application.Scopes;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Incidents;
using Vigil.Domain.Revisions;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Incidents;

/// <summary>/incidents (the list), /incidents/{id} (one incident with its history) and /incidents/{id}/edit.</summary>
internal static class IncidentEndpoints
{
    public static void MapIncidentPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/incidents", IncidentListEndpoint.ShowAsync).ExcludeFromDescription();
        app.MapGet("/incidents/{id:long}", ShowAsync).ExcludeFromDescription();
        app.MapGet("/incidents/{id:long}/edit", EditEndpoint.FormAsync).ExcludeFromDescription();
        app.MapPost("/incidents/{id:long}/edit", EditEndpoint.SaveAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(long id, HttpContext context, StoreAccess stores, IAuthorizationService authorization)
    {
        // ?saved=N, set by the edit form's redirect, confirms the revision just made.
        int? saved = int.TryParse(QueryText.One(context.Request.Query, "saved"), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        using var db = stores.Open();
        var store = db.Incidents;
        var incident = store.Find(id);
        if (incident is null)
            return Pages.Message(chrome, StatusCodes.Status404NotFound, "Incident not found", $"There is no incident {id} (or it was deleted).", "All incidents", "/incidents");
        if (RowAccess.Withheld(context, db, incident.SourceRecord?.Dataset) is { Count: > 0 } withheld)
            return Pages.Message(chrome, StatusCodes.Status403Forbidden, "Withheld by the dataset's licence", "Withheld: " + RowLicences.Explain(withheld) + ".", "The figures", "/");
        var canEdit = (await authorization.AuthorizeAsync(context.User, Policies.Write)).Succeeded;
        return Pages.Render<IncidentPage>(chrome, new IncidentModel(incident, store.GetRevisions(id), canEdit, saved)
        {
            Reports = db.Candidates.ReportsBehind(id),
        });
    }
}

/// <summary>
/// One incident with its revisions (oldest first); <see cref="Saved"/> is the revision an edit just made, to confirm it;
/// <see cref="Reports"/> the extracted news reports accepted into it, each with its own summary and evidence.
/// </summary>
public sealed record IncidentModel(Incident Incident, IReadOnlyList<Revision> Revisions, bool CanEdit, int? Saved)
{
    public IReadOnlyList<Storage.ExtractionCandidate> Reports { get; init; } = [];
}
