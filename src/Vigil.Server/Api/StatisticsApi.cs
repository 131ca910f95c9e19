using Vigil.Application.Figures;
using Vigil.Application.Reference;
using Vigil.Application.Reports;
using Vigil.Application.Scopes;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Domain.Text;
using Vigil.Domain.Time;
using Vigil.Geo;
using Vigil.Reports.Building;
using Vigil.Server.Infrastructure;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Filters;
using Vigil.Web.Stores;

namespace Vigil.Server.Api;

/// <summary>/api/v1/statistics: series with changes, records and spikes; the month's overview; the incidents behind a figure.</summary>
public static class StatisticsApi
{
    public static void MapStatistics(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("statistics").RequireAuthorization(Policies.Read).CacheOutput(DataVersionCachePolicy.Name);
        group.MapGet("/series", Series)
            .WithSummary("Incidents, killed and injured (low/best/high) per period by start date, optionally broken down; with changes, records and spikes for one metric.")
            .Produces<SeriesAnswer>().Fails(400);
        group.MapGet("/overview", Overview)
            .WithSummary("A month's headline figures with changes, record and spike statements, 24-month trend and breakdowns (the monthly assessment's figures).")
            .Produces<Vigil.Reports.Model.MonthlyReport>().Fails(400, 404);
        group.MapGet("/explain", Explain)
            .WithSummary("The ids of the incidents behind one period's figure (and one breakdown key).")
            .Produces<ExplainAnswer>().Fails(400);
    }

    private static IResult Series(StoreAccess stores, ReferenceData reference, [AsParameters] FilterParameters filter, string? by, string? breakdown, string? metric)
    {
        if (ScopeParser.Validate(filter.ToInput()) is { } invalid)
            return Problems.Field(invalid.Field, invalid.Problem);
        var unit = PeriodUnit.Month;
        if (by is not null && !EnumText<PeriodUnit>.TryParse(by, out unit))
            return Problems.Field("by", $"'{by}' is not one of: {string.Join(", ", EnumText<PeriodUnit>.All)}");
        var groupBy = breakdown is null ? GroupBy.None : BreakdownNames.Parse(breakdown) ?? (GroupBy?)null;
        if (groupBy is not { } by1)
            return Problems.Field("breakdown", BreakdownNames.Problem(breakdown!));
        var m = ClaimMetric.Killed;
        if (metric is not null && !EnumText<ClaimMetric>.TryParse(metric, out m))
            return Problems.Field("metric", $"'{metric}' is not one of: {string.Join(", ", EnumText<ClaimMetric>.All)}");
        using var db = stores.Open();
        SeriesFiguresResult figures;
        try
        {
            figures = new SeriesFigures(db, reference).Run(new SeriesFiguresRequest(filter.ToInput(), unit, by1) { Metric = metric is null ? null : m });
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        var (scope, series, grades) = figures;
        if (Security.ResponseBounds.SeriesProblem(series) is { } tooLarge)
            return tooLarge;
        return Results.Ok(new SeriesAnswer(EnumText<PeriodUnit>.Format(unit), breakdown, EnumText<ClaimMetric>.Format(m), ScopeJson.Of(scope),
            [.. SeriesRows.Of(series, m, wholeHistory: scope.Query.From is null)])
        { Sourcing = Vigil.Reports.Model.SourcingFigure.Of(grades) });
    }

    private static IResult Overview(HttpContext context, StoreAccess stores, ReferenceData reference, TimeProvider clock, string? month, string? province, string[]? country, string[]? dataset,
        string? sources, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "min_grade")] string? minGrade)
    {
        using var db = stores.Open();
        try
        {
            return Results.Ok(new MonthlyReports(db, reference, clock).Build(new MonthlyReportRequest
            {
                Month = month,
                Province = province,
                Country = country is { Length: > 0 } ? country[0] : "Pakistan",
                // Several countries are counted together, as one scope; the sources and grade as every scope takes them.
                Filters = new ScopeInput { Countries = country is { Length: > 1 } ? country : [], Sources = sources, MinGrade = minGrade },
                Datasets = dataset ?? [],
                WithAccountability = false,
                MayReceiveRestricted = RowAccess.MayReceiveRestricted(context),
            }).Report);
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
        catch (NotFoundException)
        {
            return Problems.NotFound("any incident");
        }
    }

    private static IResult Explain(StoreAccess stores, ReferenceData reference, [AsParameters] FilterParameters filter, string period, string? breakdown, string? key)
    {
        if (ScopeParser.Validate(filter.ToInput()) is { } invalid)
            return Problems.Field(invalid.Field, invalid.Problem);
        if (!Period.TryParse(period, out var p))
            return Problems.Field("period", $"'{period}' is not a period (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY) {Vigil.Domain.Time.DateBounds.Text}");
        var groupBy = key is null || breakdown is null ? GroupBy.None : BreakdownNames.Parse(breakdown) ?? GroupBy.None;
        if (breakdown is not null && BreakdownNames.Parse(breakdown) is null)
            return Problems.Field("breakdown", BreakdownNames.Problem(breakdown));
        if (key is not null && breakdown is null)
            return Problems.Field("breakdown", "a key needs a breakdown: " + string.Join(", ", BreakdownNames.Listed));
        using var db = stores.Open();
        try
        {
            var explained = new FigureExplanation(db, reference).Run(new FigureExplanationRequest(filter.ToInput(), p, groupBy, key) { Ids = true });
            return Results.Ok(new ExplainAnswer(p.Label, key, ScopeJson.Of(explained.Scope), explained.IncidentIds));
        }
        catch (FieldException e)
        {
            return Problems.Field(e.Field, e.Problem);
        }
    }
}
