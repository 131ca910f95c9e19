using Vigil.Domain.Errors;
using Vigil.Storage;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Shell;

/// <summary>
/// An action posted from a page (a review decision, a feed added): the role and the form token checked, the action run on
/// the store (it returns what it did), audited, and the page shown again saying so; a refused action gets a page saying
/// why — not found 404, a bad value 400 naming the field, a conflict 409.
/// </summary>
internal static class PageActions
{
    /// <param name="context">The request.</param>
    /// <param name="stores">Opens the database.</param>
    /// <param name="clock">Stamps the audit entry.</param>
    /// <param name="policy">The role the action needs (<c>Policies.Write</c>, <c>Policies.Admin</c>).</param>
    /// <param name="refused">The title of the page a refused action gets ("Cannot accept").</param>
    /// <param name="page">The page to go back to.</param>
    /// <param name="act">The action: given the database, the author and the form, it returns what it did.</param>
    /// <param name="notFoundHint">Said after a not-found message ("it may have been decided already").</param>
    public static async Task<IResult> RunAsync(HttpContext context, StoreAccess stores, TimeProvider clock, string policy, string refused, string page,
        Func<IVigilDatabase, string, IFormCollection, Task<string>> act, string? notFoundHint = null)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, policy) is { } denied)
            return denied;
        if (!await FormToken.IsValidAsync(context))
            return Pages.FormExpired(chrome);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        using var db = stores.Open();
        var author = Vigil.Web.Auth.Actor.Of(context);
        string detail;
        try
        {
            detail = await act(db, author, form);
        }
        catch (NotFoundException e)
        {
            return Pages.Message(chrome, StatusCodes.Status404NotFound, "Not found", notFoundHint is null ? e.Message : $"{e.Message} ({notFoundHint}).", "Back", page);
        }
        catch (FieldException e)
        {
            return Pages.Message(chrome, StatusCodes.Status400BadRequest, refused, $"{e.Field}: {e.Problem}", "Back", page);
        }
        catch (VigilException e)
        {
            return Pages.Message(chrome, StatusCodes.Status409Conflict, refused, e.Message, "Back", page);
        }
        db.Access.Audit(new AuditEntry(clock.GetUtcNow(), author, "POST", context.Request.Path, StatusCodes.Status302Found, detail + " (dashboard)"));
        return Results.Redirect(page + "?done=" + Uri.EscapeDataString(detail), permanent: false, preserveMethod: false);
    }
}
