using System.Globalization;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Reports.Maps;
using Vigil.Reports.Model;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Map;

/// <summary>
/// GET /map — districts coloured by killed, with incidents as circles (clustered by district on the server),
/// for the incidents the filters select: from, to, province, actor, type, dataset (the API's names). Without
/// dates, the twelve months up to the latest data. Without <c>country</c>, every country the selected incidents
/// lie in, side by side (Afghanistan and Pakistan on one map when they lie in both).
/// </summary>
internal static class MapEndpoint
{
    public static readonly IReadOnlyList<string> Fields = ["from", "to", "province", "actor", "type", "dataset", PageChrome.AsOfParameter];

    public static void MapMap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/map", ShowAsync).ExcludeFromDescription();
        app.MapGet("/map/districts.geojson", DistrictsAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(HttpContext context, StoreAccess stores, ScopeParser scopes, ReferenceData reference, TimeProvider clock)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        var model = Build(context, stores, scopes, reference, clock);
        return Pages.Render<MapPage>(chrome, model, model.Error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// GET /map/districts.geojson — the map's districts with their figures, for the interactive map (map.js): the same
    /// filters, the same figures and colours as the page's picture. A bad filter is a 400 naming it.
    /// </summary>
    private static async Task<IResult> DistrictsAsync(HttpContext context, StoreAccess stores, ScopeParser scopes, ReferenceData reference, TimeProvider clock)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        var model = Build(context, stores, scopes, reference, clock);
        if (model.Error is { } error)
            return Results.Problem(title: "A filter is not valid", detail: $"{error.Field}: {error.Problem}", statusCode: StatusCodes.Status400BadRequest);
        return Results.Bytes(MapGeoJson.Write(model), "application/geo+json");
    }

    internal static MapModel Build(HttpContext context, StoreAccess stores, ScopeParser scopes, ReferenceData reference, TimeProvider clock)
    {
        var filter = IncidentFilter.Of(context.Request.Query);
        // One country is drawn alone; several are drawn together, as the scope (which holds them all) selects them.
        var named = QueryText.Many(context.Request.Query, "country");
        var country = named.Length == 1 ? reference.Scopes.Country(named[0]) : null;
        using var db = stores.Open();
        var store = db.Incidents;
        var options = FilterOptions.Load(store, reference, country);

        var defaulted = false;
        var (scope, error) = filter.ToScope(scopes, db);
        if (error is not null)
            return new MapModel(filter, options, defaulted, null, [], 0, 0, 0, error);
        // No dates given: the twelve months up to the latest month the scope's datasets cover (up to today).
        if (filter.From is null && filter.To is null && DataMonths.Latest(store, scope!, clock) is { } lastMonth)
        {
            filter = filter with { From = lastMonth.Shift(-11).Label, To = lastMonth.Label };
            scope = scope! with { Query = scope.Query with { From = lastMonth.Shift(-11).Start, To = lastMonth.End } };
            defaulted = true;
        }

        var query = country is null ? scope!.Query : scope!.Query with { Countries = [country] };
        // Month by month: read from the monthly rollup when the filters allow it.
        var months = store.AggregateMonthly(query, GroupBy.None);
        var (incidents, killed) = (months.Sum(m => m.Incidents), months.Sum(m => m.KilledBest));
        var drawn = Drawn(store, query, country);
        // Per country: district names repeat across the border (Kohistan), so each country's are looked up in its own.
        IReadOnlyList<DistrictValue> districts = [.. drawn
            .SelectMany(iso => DistrictClusters.Districts(store, query with { Countries = [Countries.NameByIso3[iso]] }, iso))
            .OrderByDescending(d => d.Incidents).ThenBy(d => d.District, StringComparer.Ordinal)];
        var points = DistrictClusters.Points(districts);
        var province = filter.Province.Length == 1 && reference.Gazetteer.FindProvince(filter.Province[0]) is { } p
            && drawn.Contains(p.Country) ? reference.Gazetteer.Current(p) : null;
        var map = drawn.Count == 0 ? null
            : ChoroplethMap.Create(province is null ? new MapScope(drawn, null) : new MapScope(province.Country, province),
                PeriodName(query.From, query.To), districts, points);
        return new MapModel(filter, options, defaulted, map, districts, incidents, killed, points.Sum(x => x.Count), null)
        {
            Scope = scope,
            Points = points,
        };
    }

    /// <summary>
    /// The countries the map draws (ISO codes, by English name): the one asked for, if the gazetteer has it; else
    /// those the selected incidents lie in; Pakistan when none is selected.
    /// </summary>
    private static IReadOnlyList<string> Drawn(IIncidentStore store, IncidentQuery query, string? country)
    {
        if (country is not null)
            return Countries.Iso3Of(country) is { } iso ? [iso] : [];
        IReadOnlyList<string> found = [.. store.AggregateMonthly(query, GroupBy.Country)
            .Select(r => Countries.Iso3Of(r.Key)).OfType<string>().Distinct(StringComparer.Ordinal)
            .OrderBy(iso => Countries.NameByIso3[iso], StringComparer.Ordinal)];
        return found.Count > 0 ? found : ["PAK"];
    }

    /// <summary>"January 2021 – December 2021" for whole months, else the days; "all dates" without either end.</summary>
    internal static string PeriodName(DateOnly? from, DateOnly? to)
    {
        static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        static string Month(DateOnly d) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        if (from is null && to is null)
            return "all dates";
        if (from is { } f && to is { } t && f.Day == 1 && t.AddDays(1).Day == 1)
            return f.Year == t.Year && f.Month == t.Month ? Month(f) : $"{Month(f)} – {Month(t)}";
        return from is null ? $"up to {Day(to!.Value)}" : to is null ? $"from {Day(from.Value)}" : $"{Day(from.Value)} – {Day(to.Value)}";
    }
}

/// <summary>
/// What the map page shows. <see cref="Placed"/> counts the incidents drawn as circles; the rest of
/// <see cref="Incidents"/> have no district with a polygon and are only in the totals.
/// </summary>
public sealed record MapModel(
    IncidentFilter Filter, FilterOptions Options, bool DefaultPeriod, ChoroplethMap? Map, IReadOnlyList<DistrictValue> Districts,
    long Incidents, long Killed, long Placed, FieldError? Error)
{
    /// <summary>The datasets the map counts, named on the page.</summary>
    public Scope? Scope { get; init; }

    /// <summary>The circles: incidents per district, at a point inside it.</summary>
    public IReadOnlyList<MapPoint> Points { get; init; } = [];
}
