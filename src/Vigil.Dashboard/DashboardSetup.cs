using Vigil.Dashboard.Accountability;
using Vigil.Dashboard.Assets;
using Vigil.Dashboard.Claims;
using Vigil.Dashboard.Feeds;
using Vigil.Dashboard.Incidents;
using Vigil.Dashboard.Map;
using Vigil.Dashboard.Matrix;
using Vigil.Dashboard.Overview;
using Vigil.Dashboard.Reports;
using Vigil.Dashboard.Review;
using Vigil.Dashboard.Shell;
using Vigil.Dashboard.SignIn;

namespace Vigil.Dashboard;

/// <summary>
/// The analyst dashboard: server-rendered pages (Razor components rendered statically) at /, with charts
/// and maps drawn as SVG on the server by the report's figure code. It needs nothing from the internet.
/// </summary>
public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "vigil_form";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = FormToken.FieldName;
        });
        return services;
    }

    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapAssets();
        app.MapOverview();
        app.MapMap();
        app.MapIncidentPages();
        app.MapMatrix();
        app.MapClaimPages();
        app.MapReportPages();
        app.MapAccountabilityPages();
        app.MapReviewPages();
        app.MapFeedPages();
        app.MapSignIn();
    }
}
