using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Reports;

/// <summary>
/// GET /reports — pick a month and a province; the monthly assessment itself comes from
/// /api/v1/reports/monthly (HTML or PDF), which the signed-in key's cookie also opens. The page shows the analysts'
/// key findings for the month and scope chosen; POST /reports/notes (analyst, with the form token) saves a new version.
/// </summary>
internal static class ReportsEndpoint
{
    public static void MapReportPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports", ShowAsync).ExcludeFromDescription();
        app.MapPost("/reports/notes", SaveNotesAsync).ExcludeFromDescription();
        app.MapPublishedPages();
    }

    private static async Task<IResult> SaveNotesAsync(HttpContext context, StoreAccess stores, ReferenceData reference, TimeProvider clock)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Write) is { } denied)
            return denied;
        if (!await FormToken.IsValidAsync(context))
            return Pages.FormExpired(chrome);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var request = new MonthlyReportRequest
        {
            Month = form["month"].FirstOrDefault(),
            Province = form["province"].FirstOrDefault() is { Length: > 0 } p ? p : null,
            Datasets = [.. form["dataset"].Where(d => !string.IsNullOrEmpty(d)).Select(d => d!)],
        };
        using var db = stores.Open();
        var author = Vigil.Web.Auth.Actor.Of(context);
        try
        {
            var saved = new ReportNotes(db, reference, clock).Save(request, form["findings"].FirstOrDefault() ?? "", author);
            db.Access.Audit(new AuditEntry(clock.GetUtcNow(), author, "POST", context.Request.Path, StatusCodes.Status302Found,
                $"key findings for {saved.Month}, {saved.ScopeLabel}: version {saved.Id} (dashboard)"));
        }
        catch (FieldException e)
        {
            return Pages.Message(chrome, StatusCodes.Status400BadRequest, "Cannot save the key findings", $"{e.Field}: {e.Problem}", "Back", "/reports");
        }
        var back = QueryText.Link("/reports", [new("month", request.Month), new("province", request.Province), .. request.Datasets.Select(d => new KeyValuePair<string, string?>("dataset", d)), new("saved", "1")]);
        return Results.Redirect(back + "#key-findings", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, StoreAccess stores, ReferenceData reference, TimeProvider clock)
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
        var province = QueryText.One(q, "province");
        var datasets = QueryText.Many(q, "dataset");
        ReportNote? findings = null;
        if (error is null && chosen is { } m)
        {
            try
            {
                findings = new ReportNotes(db, reference, clock).Latest(new MonthlyReportRequest { Month = m.Label, Province = province, Datasets = datasets });
            }
            catch (FieldException e)
            {
                error = new FieldError(e.Field, e.Problem);
            }
        }
        var model = new ReportsModel(chosen, province, datasets, options, range.First, range.Last, error)
        {
            Findings = findings,
            // As of a past moment the findings are shown as they were, and cannot be changed.
            CanWrite = (chrome.Viewer.Role is ApiRole.Analyst or ApiRole.Admin) && !chrome.ReadOnly,
            Saved = QueryText.One(q, "saved") == "1",
        };
        return Pages.Render<ReportsPage>(chrome, model, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}

/// <summary>The month chosen (the latest with data by default), the province and datasets, and the dates the data cover.</summary>
public sealed record ReportsModel(
    Period? Month, string? Province, string[] Datasets, FilterOptions Options, Period? FirstData, Period? LastData, FieldError? Error)
{
    /// <summary>The latest key findings for the month and scope chosen, or null.</summary>
    public ReportNote? Findings { get; init; }

    public bool CanWrite { get; init; }

    /// <summary>Just saved (the redirect after a save says so).</summary>
    public bool Saved { get; init; }

    public string Download(string format) => QueryText.Link("/api/v1/reports/monthly",
        [new("month", Month?.Label), new("format", format), new("province", Province), .. Datasets.Select(d => new KeyValuePair<string, string?>("dataset", d))]);
}
