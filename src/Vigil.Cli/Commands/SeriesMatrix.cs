using System.Globalization;
using Spectre.Console;
using Vigil.Domain.Claims;
using Vigil.Statistics;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>stats series --breakdown X --format matrix</c>: one row per period, one column per key, each cell the metric's
/// figure from the long form's row for that period and key, and a total where the keys split the incidents (each
/// incident has one province, district, event type, country), never where an incident can count under several keys.
/// </summary>
internal static class SeriesMatrix
{
    /// <summary>The breakdowns whose keys split the incidents, so that a period's cells add up to its total.</summary>
    private static readonly HashSet<GroupBy> Partitions = [GroupBy.Province, GroupBy.District, GroupBy.EventType, GroupBy.Country];

    /// <summary>What the cells hold: incidents for the attacks metric (the rows count every incident), else the metric's best estimate.</summary>
    public static string Measure(ClaimMetric metric) => metric switch
    {
        ClaimMetric.Killed => "killed (best estimate)",
        ClaimMetric.Injured => "injured (best estimate)",
        _ => "incidents",
    };

    public static Table Of(IReadOnlyList<SeriesRows> rows, ClaimMetric metric, GroupBy breakdown, bool recorded)
    {
        var keys = rows.Select(r => r.Key).Distinct().ToList();
        var total = Partitions.Contains(breakdown);
        var table = new Table().Border(TableBorder.Simple).AddColumn("period");
        foreach (var key in keys)
            table.AddColumn(new TableColumn(Markup.Escape(key ?? "(unknown)")).RightAligned());
        if (total)
            table.AddColumn(new TableColumn("total").RightAligned());
        foreach (var period in rows.GroupBy(r => r.Period))
        {
            var byKey = period.ToDictionary(r => r.Key ?? "\0");
            var first = period.First();
            var cells = new List<string> { first.Coverage == "partial" ? first.Period + " (partial)" : first.Period };
            cells.AddRange(keys.Select(k => Markup.Escape(byKey.TryGetValue(k ?? "\0", out var r) ? Cell(r, metric, recorded) : "")));
            if (total)
                cells.Add(Markup.Escape(Total([.. period], metric, recorded)));
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    /// <summary>"no data", "not recorded", "unknown (n)", "12", "12 +3 unknown": the long form's figure without its range.</summary>
    public static string Cell(SeriesRows r, ClaimMetric metric, bool recorded) =>
        metric switch
        {
            ClaimMetric.Killed => Figure(r.Incidents, r.KilledBest, r.KilledUnknown, recorded),
            ClaimMetric.Injured => Figure(r.Incidents, r.InjuredBest, r.InjuredUnknown, recorded),
            _ => r.Incidents?.ToString("N0", CultureInfo.InvariantCulture) ?? "no data",
        };

    private static string Total(IReadOnlyList<SeriesRows> period, ClaimMetric metric, bool recorded)
    {
        if (period.Any(r => r.Incidents is null))
            return "no data";
        long? Sum(Func<SeriesRows, long?> f) => period.Any(r => f(r) is not null) ? period.Sum(r => f(r) ?? 0) : null;
        var incidents = Sum(r => r.Incidents);
        return metric switch
        {
            ClaimMetric.Killed => Figure(incidents, Sum(r => r.KilledBest), Sum(r => r.KilledUnknown), recorded),
            ClaimMetric.Injured => Figure(incidents, Sum(r => r.InjuredBest), Sum(r => r.InjuredUnknown), recorded),
            _ => (incidents ?? 0).ToString("N0", CultureInfo.InvariantCulture),
        };
    }

    private static string Figure(long? incidents, long? best, long? unknown, bool recorded)
    {
        var inv = CultureInfo.InvariantCulture;
        if (incidents is null)
            return "no data";
        if (!recorded)
            return "not recorded";
        if (best is not { } b)
            return string.Create(inv, $"unknown ({unknown:N0})");
        return unknown > 0 ? string.Create(inv, $"{b:N0} +{unknown:N0} unknown") : b.ToString("N0", inv);
    }
}
