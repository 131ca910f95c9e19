using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Errors;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Reports;

/// <summary>
/// GET /reports/published — the reports published (<c>vigil report monthly --publish</c>), newest first (viewer) — and
/// GET /reports/published/{id} — what changed in one since: the diff <c>vigil report diff ID</c> prints and the API
/// serves (<see cref="ReportDiffAnswer"/>), as a page.
/// </summary>
internal static class PublishedEndpoints
{
    public static void MapPublishedPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/published", ListAsync).ExcludeFromDescription();
        app.MapGet("/reports/published/{id:long}", DiffAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(HttpContext context, StoreAccess stores)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        using var db = stores.Open();
        return Pages.Render<PublishedPage>(chrome, PublishedReportList.Of(db, PublishedReportList.MaxLimit));
    }

    private static async Task<IResult> DiffAsync(long id, HttpContext context, StoreAccess stores, ReferenceData reference, TimeProvider clock)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        using var db = stores.Open();
        try
        {
            var diff = new PublishedReports(db, stores.OpenAsOf, reference, clock).Diff(id);
            return Pages.Render<PublishedDiffPage>(chrome, ReportDiffAnswer.Of(diff, RowAccess.MayReceiveRestricted(context)));
        }
        catch (NotFoundException)
        {
            var when = chrome.AsOf is { } at ? $" as of {Domain.Time.Moment.Label(at)} (reports published since are not seen)" : "";
            return Pages.Message(chrome, StatusCodes.Status404NotFound, "Published report not found",
                $"There is no published report {id}{when}.", "The published reports", chrome.Link("/reports/published"));
        }
    }
}
