using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Time;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Reports;

/// <summary>
/// GET /reports — pick a month and a province; the monthly assessment itself comes from
/// /api/v1/reports/monthly (HTML or PDF), which the signed-in key's cookie also opens.
/// </summary>
internal static class ReportsEndpoint
{
    public static void MapReportPages(this IEndpointRouteBuilder app) => app.MapGet("/reports", ShowAsync).ExcludeFromDescription();

    private static async Task<IResult> ShowAsync(HttpContext context, StoreAccess stores, ReferenceData reference)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        var q = context.Request.Query;
        using var db = stores.Open();
        var store = db.Incidents;
        var options = FilterOptions.Load(store, reference, "Pakistan"); // the page's reports are Pakistan's
        var range = DataMonths.Of(store);
        var latest = range.Last;
        var month = QueryText.One(q, "month");
        FieldError? error = null;
        Period? chosen = latest;
        if (month is not null)
        {
            if (Period.TryParse(month, out var p) && p.Unit == PeriodUnit.Month)
                chosen = p;
            else
                error = new FieldError("month", $"'{month}' is not a month (YYYY-MM)");
        }
        var model = new ReportsModel(chosen, QueryText.One(q, "province"), QueryText.Many(q, "dataset"), options,
            range.First, range.Last, error);
        return Pages.Render<ReportsPage>(chrome, model, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

/// <summary>The month chosen (the latest with data by default), the province and datasets, and the dates the data cover.</summary>
public sealed record ReportsModel(
    Period? Month, string? Province, string[] Datasets, FilterOptions Options, Period? FirstData, Period? LastData, FieldError? Error)
{
    public string Download(string format) => QueryText.Link("/api/v1/reports/monthly",
        [new("month", Month?.Label), new("format", format), new("province", Province), .. Datasets.Select(d => new KeyValuePair<string, string?>("dataset", d))]);
}
