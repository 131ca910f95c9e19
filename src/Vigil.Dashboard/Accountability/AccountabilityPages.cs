using Vigil.Accountability.Border;
using Vigil.Accountability.Scorecards;
using Vigil.Dashboard.Shell;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Accountability;

/// <summary>GET /scorecard — commitments judged and measured, per party; GET /crossings — the border status board and closure timeline.</summary>
internal static class AccountabilityPages
{
    public static void MapAccountabilityPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/scorecard", ScorecardAsync).ExcludeFromDescription();
        app.MapGet("/crossings", CrossingsAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ScorecardAsync(HttpContext context, StoreAccess stores, TimeProvider clock)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        using var scope = stores.OpenAccountability(clock);
        return Pages.Render<ScorecardPage>(chrome, new ScorecardModel(scope.Service.Scorecards(), scope.Service.Today));
    }

    private static async Task<IResult> CrossingsAsync(HttpContext context, StoreAccess stores, TimeProvider clock)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        using var scope = stores.OpenAccountability(clock);
        var reports = scope.Service.Crossings();
        return Pages.Render<CrossingsPage>(chrome, new CrossingsModel(reports, scope.Service.Today, ClosureTimeline.Svg(reports, scope.Service.Today)));
    }
}

public sealed record ScorecardModel(IReadOnlyList<PartyScorecard> Cards, DateOnly Today);

public sealed record CrossingsModel(IReadOnlyList<CrossingReport> Reports, DateOnly Today, string? TimelineSvg);
