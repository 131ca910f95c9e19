using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Server.Security;

/// <summary>
/// Bounds on what one request may make the server compute and send. A series is periods × breakdown
/// keys rows; by day with a district breakdown over the whole history it would be hundreds of megabytes.
/// Beyond the bound the caller gets 400 naming the parameters to change.
/// </summary>
public static class ResponseBounds
{
    /// <summary>The most rows (periods × keys) a series answer may have.</summary>
    public const int MaxSeriesRows = 100_000;

    /// <summary>The rows a series would have, counted no further than just past the bound.</summary>
    public static long SeriesRows(Series series)
    {
        var keys = Math.Max(1, series.Keys.Count);
        long periods = 0;
        foreach (var _ in series.Periods())
        {
            if (++periods * keys > MaxSeriesRows)
                break;
        }
        return periods * keys;
    }

    public static IResult? SeriesProblem(Series series)
    {
        var rows = SeriesRows(series);
        if (rows <= MaxSeriesRows)
            return null;
        var field = series.Breakdown == GroupBy.None ? "by" : "breakdown";
        return Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [$"the series would have more than {MaxSeriesRows:N0} rows (periods × {series.Keys.Count:N0} keys)"] },
            title: "The answer would be too large",
            detail: $"{field}: the series would have more than {MaxSeriesRows:N0} rows (periods × {series.Keys.Count:N0} breakdown keys): narrow from/to, choose a longer period (by=month or by=year), filter the breakdown (province, district, actor), or drop the breakdown");
    }
}
