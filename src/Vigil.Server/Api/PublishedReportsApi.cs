using System.Globalization;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Server.Infrastructure;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// /api/v1/reports/published: the reports published (<c>vigil report monthly --publish</c>), and what changed in one since
/// it was published — the diff <c>vigil report diff ID --json</c> writes.
/// </summary>
public static class PublishedReportsApi
{
    public static void MapPublishedReports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports/published").WithTags("reports");
        group.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithSummary("The reports published (vigil report monthly --publish), newest first: month, scope, the moment their figures are as of, data version, who published them and when.")
            .Produces<IReadOnlyList<PublishedReportSummary>>().Fails(400);
        group.MapGet("/{id}/diff", Diff).RequireAuthorization(Policies.Read)
            .WithSummary("What changed since a report was published: regenerated as of its moment (the figures that differ from those published; none when the history holds), then each figure before and after, and each incident of its scope and period added, edited, removed, or moved into or out of the scope.")
            .Produces<ReportDiffAnswer>().Fails(400, 404);
    }

    private static IResult List(StoreAccess stores, int? limit)
    {
        if (limit is < 1 or > PublishedReportList.MaxLimit)
            return Problems.Field("limit", $"must be between 1 and {PublishedReportList.MaxLimit.ToString(CultureInfo.InvariantCulture)}");
        using var db = stores.Open();
        return Results.Ok(PublishedReportList.Of(db, limit ?? PublishedReportList.DefaultLimit));
    }

    private static IResult Diff(string id, HttpContext context, StoreAccess stores, ReferenceData reference, TimeProvider clock)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            return Problems.Field("id", $"'{id}' is not a published report's id: a whole number from 1 (GET /api/v1/reports/published lists them)");
        using var db = stores.Open();
        try
        {
            var diff = new PublishedReports(db, stores.OpenAsOf, reference, clock).Diff(n);
            return Results.Ok(ReportDiffAnswer.Of(diff, RowAccess.MayReceiveRestricted(context)));
        }
        catch (NotFoundException)
        {
            var when = db.AsOf is { } at ? $" as of {Moment.Label(at)} (reports published since are not seen)" : "";
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"published report {n} not found{when}; GET /api/v1/reports/published lists those there are");
        }
    }
}
