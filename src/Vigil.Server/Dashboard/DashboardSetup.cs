using Vigil.Server.Dashboard.Accountability;
using Vigil.Server.Dashboard.Assets;
using Vigil.Server.Dashboard.Claims;
using Vigil.Server.Dashboard.Incidents;
using Vigil.Server.Dashboard.Map;
using Vigil.Server.Dashboard.Overview;
using Vigil.Server.Dashboard.Reports;
using Vigil.Server.Dashboard.Review;
using Vigil.Server.Dashboard.Shell;
using Vigil.Server.Dashboard.SignIn;

namespace Vigil.Server.Dashboard;

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
        app.MapClaimPages();
        app.MapReportPages();
        app.MapAccountabilityPages();
        app.MapReviewPages();
        app.MapSignIn();
    }
}
