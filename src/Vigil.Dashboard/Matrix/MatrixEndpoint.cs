using System.Globalization;
using System.Text;
using Vigil.Application.Figures;
using Vigil.Application.Reference;
using Vigil.Application.Scopes;
using Vigil.Dashboard.Shell;
using Vigil.Domain.Claims;
using Vigil.Domain.Errors;
using Vigil.Domain.Time;
using Vigil.Ingestion.Formats.Vigil;
using Vigil.Statistics;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Stores;

namespace Vigil.Dashboard.Matrix;

/// <summary>
/// GET /matrix — a table of periods (rows: years or months) by a breakdown (columns: provinces, districts, groups, ...),
/// each cell the incidents, killed or injured of the application's series with that breakdown
/// (<see cref="SeriesFigures"/>, exactly as <c>GET /api/v1/statistics/series</c> counts them), under the incident
/// filters of the list. A period no dataset in scope covers is "no data"; a figure the datasets do not record is "not
/// recorded"; one every incident leaves unknown, "unknown" — never a zero. Query: the filters, by (year, month),
/// breakdown (province, district, group, ...), metric (incidents, killed, injured); format=csv downloads the table.
/// </summary>
internal static class MatrixEndpoint
{
    /// <summary>The most cells a table may have (periods × keys): beyond it the page asks for a narrower one.</summary>
    public const int MaxCells = 20_000;

    /// <summary>The periods offered, first the default.</summary>
    public static readonly IReadOnlyList<PeriodUnit> Units = [PeriodUnit.Year, PeriodUnit.Month];

    /// <summary>The breakdowns offered (names as the API takes them), first the default.</summary>
    public static readonly IReadOnlyList<string> Breakdowns = ["province", "district", "group", "category", "event-type", "target-type", "dataset", "country"];

    /// <summary>The figures a cell may show, by their names in the query, first the default.</summary>
    public static readonly IReadOnlyList<(string Name, ClaimMetric Metric)> Metrics =
        [("incidents", ClaimMetric.Attacks), ("killed", ClaimMetric.Killed), ("injured", ClaimMetric.Injured)];

    public static void MapMatrix(this IEndpointRouteBuilder app) => app.MapGet("/matrix", ShowAsync).ExcludeFromDescription();

    private static async Task<IResult> ShowAsync(HttpContext context, StoreAccess stores, ReferenceData reference)
    {
        var chrome = PageChrome.For(context);
        if (await PageAccess.CheckAsync(context, chrome, Policies.Read) is { } denied)
            return denied;
        var q = context.Request.Query;
        var filter = IncidentFilter.Of(q);
        using var db = stores.Open();
        var options = FilterOptions.Load(db.Incidents, reference);
        var (view, viewError) = MatrixView.Of(q);
        var (parameters, error) = filter.Parameters();
        error ??= viewError;
        if (error is not null)
            return Pages.Render<MatrixPage>(chrome, new MatrixModel(filter, options, view, null, null, error), StatusCodes.Status400BadRequest);
        SeriesFiguresResult figures;
        try
        {
            // The series of the application layer, as the API's series gives it: one door for every surface's figures.
            figures = new SeriesFigures(db, reference).Run(new SeriesFiguresRequest(parameters!.ToInput(), view.Unit, BreakdownNames.Parse(view.Breakdown)!.Value));
        }
        catch (FieldException e)
        {
            return Pages.Render<MatrixPage>(chrome, new MatrixModel(filter, options, view, null, null, new FieldError(e.Field, e.Problem)), StatusCodes.Status400BadRequest);
        }
        var (scope, series, _) = figures;
        var cells = series.Periods().Count() * (long)Math.Max(1, series.Keys.Count);
        if (cells > MaxCells)
        {
            var tooLarge = new FieldError(view.Unit == PeriodUnit.Month ? "by" : "breakdown",
                $"the table would have {cells:N0} cells (more than {MaxCells:N0}): narrow from and to, count by year, or choose a breakdown with fewer keys");
            return Pages.Render<MatrixPage>(chrome, new MatrixModel(filter, options, view, scope, null, tooLarge), StatusCodes.Status400BadRequest);
        }
        var model = new MatrixModel(filter, options, view, scope, series, null) { Withheld = RowAccess.Withheld(context, scope) };
        return string.Equals(QueryText.One(q, "format"), "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.File(Encoding.UTF8.GetBytes(Csv(model)), "text/csv; charset=utf-8", $"vigil-matrix-{view.UnitName}-{view.Breakdown}-{view.MetricName}.csv")
            : Pages.Render<MatrixPage>(chrome, model);
    }

    /// <summary>
    /// The table as CSV, cell for cell as the page shows it: a header of the keys, a row per period, a number or the
    /// word for its absence ("no data", "not recorded", "unknown"); text a spreadsheet would run as a formula is made harmless.
    /// </summary>
    internal static string Csv(MatrixModel model)
    {
        var series = model.Series!;
        var text = new StringBuilder();
        static string Quote(string value) => "\"" + FormulaGuard.Escape(value)!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        text.Append("period");
        foreach (var key in series.Keys)
            text.Append(',').Append(Quote(MatrixModel.KeyName(key)));
        text.Append('\n');
        foreach (var period in series.Periods())
        {
            text.Append(period.Label);
            foreach (var key in series.Keys)
                text.Append(',').Append(model.Cell(period, key).Text);
            text.Append('\n');
        }
        return text.ToString();
    }
}

/// <summary>The table's shape: the period (by), the breakdown, the metric.</summary>
public sealed record MatrixView(PeriodUnit Unit, string Breakdown, string MetricName)
{
    public static (MatrixView View, FieldError? Error) Of(IQueryCollection q)
    {
        var view = new MatrixView(MatrixEndpoint.Units[0], MatrixEndpoint.Breakdowns[0], MatrixEndpoint.Metrics[0].Name);
        if (QueryText.One(q, "by") is { } by)
        {
            var unit = MatrixEndpoint.Units.FirstOrDefault(u => string.Equals(Domain.Text.EnumText<PeriodUnit>.Format(u), by, StringComparison.OrdinalIgnoreCase), (PeriodUnit)(-1));
            if ((int)unit < 0)
                return (view, new FieldError("by", $"'{by}' is not one of: {string.Join(", ", MatrixEndpoint.Units.Select(Domain.Text.EnumText<PeriodUnit>.Format))}"));
            view = view with { Unit = unit };
        }
        if (QueryText.One(q, "breakdown") is { } breakdown)
        {
            var name = MatrixEndpoint.Breakdowns.FirstOrDefault(b => string.Equals(b, breakdown, StringComparison.OrdinalIgnoreCase))
                // Any other name the API takes for the same dimension (actor for perpetrator, type for event-type).
                ?? (BreakdownNames.Parse(breakdown) is { } dimension ? MatrixEndpoint.Breakdowns.FirstOrDefault(b => BreakdownNames.Parse(b) == dimension) ?? breakdown.ToLowerInvariant() : null);
            if (name is null)
                return (view, new FieldError("breakdown", $"'{breakdown}' is not one of: {string.Join(", ", MatrixEndpoint.Breakdowns)}"));
            view = view with { Breakdown = name };
        }
        if (QueryText.One(q, "metric") is { } metric)
        {
            var found = MatrixEndpoint.Metrics.FirstOrDefault(m => string.Equals(m.Name, metric, StringComparison.OrdinalIgnoreCase));
            if (found.Name is null)
                return (view, new FieldError("metric", $"'{metric}' is not one of: {string.Join(", ", MatrixEndpoint.Metrics.Select(m => m.Name))}"));
            view = view with { MetricName = found.Name };
        }
        return (view, null);
    }

    public ClaimMetric Metric => MatrixEndpoint.Metrics.First(m => m.Name == MetricName).Metric;

    public string UnitName => Domain.Text.EnumText<PeriodUnit>.Format(Unit);

    /// <summary>The view's own parameters, in the order the form gives them.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Pairs()
    {
        yield return new("by", UnitName);
        yield return new("breakdown", Breakdown);
        yield return new("metric", MetricName);
    }
}

public sealed record MatrixModel(IncidentFilter Filter, FilterOptions Options, MatrixView View, Scope? Scope, Series? Series, FieldError? Error)
{
    /// <summary>The datasets of the scope whose rows this viewer may not download (the figures are shown all the same).</summary>
    public IReadOnlyList<Vigil.Domain.Datasets.Dataset> Withheld { get; init; } = [];

    /// <summary>A column's heading: the key, or "not known" for incidents without one.</summary>
    public static string KeyName(string? key) => key ?? "not known";

    /// <summary>A cell: the series' figure (<see cref="Series.Shown"/>), or the word for why there is none.</summary>
    public (long? Value, string Text) Cell(Period period, string? key)
    {
        var (value, missing) = Series!.Shown(period, View.Metric, key);
        return value is { } v ? (v, v.ToString(CultureInfo.InvariantCulture)) : (null, missing ?? "no data");
    }

    /// <summary>This table as CSV: the same filters and view, format=csv.</summary>
    public string CsvLink => QueryText.Link("/matrix", [.. Filter.Pairs(), .. View.Pairs(), new("format", "csv")]);
}
