using Vigil.Accountability.Files;
using Vigil.Accountability.Views;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using Vigil.Server.Infrastructure;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>/api/v1/crossings: the registry, each crossing's status, closures and events, violence nearby.</summary>
public static class CrossingsApi
{
    public static void MapCrossings(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/crossings").WithTags("crossings").RequireAuthorization(Policies.Read);
        read.MapGet("", (StoreAccess s, TimeProvider c) => AccountabilityApi.With(s, c, a => Results.Ok(a.Service.Crossings().Select(CrossingStatusView.Of).ToList())))
            .WithSummary("Every crossing with its current status (null: no event recorded, unknown), closures and days closed per month: the status board.")
            .Produces<IReadOnlyList<CrossingStatusView>>();
        read.MapGet("/{key}", (string key, StoreAccess s, TimeProvider c) => AccountabilityApi.With(s, c, a => Results.Ok(CrossingStatusView.Of(a.Service.Crossing(key)))))
            .WithSummary("One crossing's status, closure episodes, longest closure, closures per year and days closed per month.")
            .Produces<CrossingStatusView>().Fails(404);
        read.MapGet("/{key}/episodes", (string key, StoreAccess s, TimeProvider c) => AccountabilityApi.With(s, c, a => Results.Ok(a.Service.Crossing(key).Episodes.Select(EpisodeView.Of).ToList())))
            .WithSummary("The crossing's closures: start, end (null while still closed), days.").Produces<IReadOnlyList<EpisodeView>>().Fails(404);
        read.MapGet("/{key}/events", (string key, StoreAccess s, TimeProvider c) => AccountabilityApi.With(s, c, a => Results.Ok(a.Service.Crossing(key).Events)))
            .WithSummary("The crossing's status events as recorded.").Produces<IReadOnlyList<Domain.Border.StatusEvent>>().Fails(404);
        read.MapGet("/{key}/nearby", Nearby)
            .WithSummary("Incidents within radius_km (great-circle) per period, during closures and in as many days before them, with the exact rate test.")
            .Produces<NearbyAnswer>().Fails(400, 404);

        api.MapPost("/crossings/{key}/events", AddEvent).WithTags("crossings").RequireAuthorization(Policies.Write)
            .WithSummary("Adds a status event: {status: open|closed|partially-open, from, reason, source, sample}.")
            .Body<StatusEventInput>(true, "application/json", "application/yaml").Produces<Domain.Border.StatusEvent>(StatusCodes.Status201Created).Fails(400, 404, 413);
    }

    private static IResult Nearby(string key, double? radius_km, string? by, StoreAccess stores, TimeProvider clock)
    {
        var radius = radius_km ?? 25;
        if (!double.IsFinite(radius) || radius is <= 0 or > 2000)
            return Problems.Field("radius_km", "give kilometres between 0 and 2000");
        var unit = PeriodUnit.Year;
        if (by is not null && !EnumText<PeriodUnit>.TryParse(by, out unit))
            return Problems.Field("by", $"'{by}' is not one of: {string.Join(", ", EnumText<PeriodUnit>.All)}");
        return AccountabilityApi.With(stores, clock, a =>
        {
            var r = a.Service.NearbyViolence(key, radius, unit);
            return Results.Ok(new NearbyAnswer(key, radius, r.Datasets, [.. r.IncidentsPerPeriod.Select(v => new ValueView(v.Period.Label, v.Value))],
                r.DuringClosures, r.BeforeClosures, r.Comparison));
        });
    }

    private static async Task<IResult> AddEvent(string key, HttpContext context, StoreAccess stores, TimeProvider clock)
    {
        var (text, problem) = await AccountabilityApi.ReadText(context);
        if (problem is not null)
            return problem;
        return AccountabilityApi.With(stores, clock, a =>
        {
            var added = a.Service.Store.AddStatusEvent(AccountabilityFileReader.ParseStatusEvent(text!, "body", key));
            return Results.Created($"/api/v1/crossings/{Uri.EscapeDataString(key)}", added);
        });
    }
}
