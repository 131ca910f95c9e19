using Vigil.Application.Incidents;
using Vigil.Application.Reference;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Errors;
using Vigil.Domain.Revisions;
using Vigil.Storage;
using Vigil.Web;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Incidents;

/// <summary>
/// GET and POST /incidents/{id}/edit (analyst). The form carries the revision it was loaded at; saving
/// passes it to the store, so an edit based on an older revision is refused with a conflict page instead
/// of overwriting someone else's change. A bad value re-shows the form with the field at fault.
/// </summary>
internal static class EditEndpoint
{
    public static async Task<IResult> FormAsync(long id, HttpContext context, StoreAccess stores)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Write) is { } denied)
            return denied;
        if (chrome.ReadOnly)
            return Pages.PastIsReadOnly(chrome, $"/incidents/{id}", $"incident {id}");
        using var db = stores.Open();
        var store = db.Incidents;
        if (store.Find(id) is not { } incident)
            return NotFound(chrome, id);
        return Pages.Render<EditPage>(chrome, new EditModel(incident, IncidentForm.Of(incident), null, null, null));
    }

    public static async Task<IResult> SaveAsync(long id, HttpContext context, StoreAccess stores, TimeProvider clock, ReferenceData reference)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Write) is { } denied)
            return denied;
        if (!await FormToken.IsValidAsync(context))
            return Pages.FormExpired(chrome);
        var submitted = IncidentForm.Read(await context.Request.ReadFormAsync(context.RequestAborted));
        using var db = stores.Open();
        var store = db.Incidents;
        if (store.Find(id) is not { } current)
            return NotFound(chrome, id);
        if (submitted.Revision is not { } loadedAt)
            return Pages.Render<EditPage>(chrome, new EditModel(current, submitted, new FieldError("revision", "is missing: reload the form"), null, null), StatusCodes.Status400BadRequest);
        if (loadedAt != current.Revision)
            return Conflict(chrome, store, current, submitted, loadedAt);

        var changed = submitted.ChangedFrom(IncidentForm.Of(current));
        if (changed.Count == 0)
            return Pages.Render<EditPage>(chrome, new EditModel(current, submitted, null, null, "Nothing was changed, so no revision was made."));
        Domain.Incidents.Incident edited;
        try
        {
            edited = IncidentEdit.Apply(current, submitted, changed, reference.Normalizer());
        }
        catch (FieldException e)
        {
            return Pages.Render<EditPage>(chrome, new EditModel(current, submitted, new FieldError(e.Field, e.Problem), null, null), StatusCodes.Status400BadRequest);
        }
        try
        {
            var author = Actor.Of(context);
            var limit = context.RequestServices.GetRequiredService<ServerOptions>().DateLimit(clock);
            var updated = new IncidentEditing(store, limit).Replace(id, loadedAt, edited, new ChangeContext(author, submitted.Reason.Length > 0 ? submitted.Reason : "edited in the dashboard"));
            db.Access.Audit(new AuditEntry(clock.GetUtcNow(), author, "POST", context.Request.Path, StatusCodes.Status302Found,
                $"incident {id} revision {updated.Revision} (dashboard)"));
            return Results.Redirect($"/incidents/{id}?saved={updated.Revision}", permanent: false, preserveMethod: false);
        }
        catch (FieldException e)
        {
            return Pages.Render<EditPage>(chrome, new EditModel(current, submitted, new FieldError(e.Field, e.Problem), null, null), StatusCodes.Status400BadRequest);
        }
        catch (ConcurrencyException)
        {
            // Someone saved between our read and our write.
            return Conflict(chrome, store, store.Find(id) ?? current, submitted, loadedAt);
        }
    }

    private static IResult Conflict(PageChrome chrome, IIncidentStore store, Domain.Incidents.Incident current, IncidentForm submitted, int loadedAt)
    {
        var since = store.GetRevisions(current.Id).Where(r => r.Number > loadedAt).ToList();
        return Pages.Render<EditPage>(chrome, new EditModel(current, submitted, null, new EditConflict(loadedAt, since), null), StatusCodes.Status409Conflict);
    }

    private static IResult NotFound(PageChrome chrome, long id) =>
        Pages.Message(chrome, StatusCodes.Status404NotFound, "Incident not found", $"There is no incident {id} (or it was deleted).", "All incidents", "/incidents");
}

/// <summary>
/// The edit page: the incident as stored, the form's values (as loaded, or as submitted when re-shown),
/// and at most one of: the field at fault, a conflict, or a notice.
/// </summary>
public sealed record EditModel(Domain.Incidents.Incident Incident, IncidentForm Form, FieldError? Error, EditConflict? Conflict, string? Notice);

/// <summary>The form was loaded at <see cref="LoadedAt"/>; these revisions were saved since.</summary>
public sealed record EditConflict(int LoadedAt, IReadOnlyList<Revision> Since);
