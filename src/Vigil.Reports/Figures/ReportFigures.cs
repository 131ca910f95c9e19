using System.Runtime.CompilerServices;
using Vigil.Reports.Maps;
using Vigil.Reports.Model;

namespace Vigil.Reports.Figures;

/// <summary>The pictures of one report, built once and shared by the renderers.</summary>
public sealed class ReportFigures
{
    private ReportFigures(ReportFigure? trend, ReportFigure? provinces, ChoroplethMap? map)
    {
        Trend = trend;
        Provinces = provinces;
        Map = map;
    }

    /// <summary>Incidents, killed and injured over the trend months; null when the report has no trend.</summary>
    public ReportFigure? Trend { get; }

    /// <summary>Killed by province; null when the report has no province rows.</summary>
    public ReportFigure? Provinces { get; }

    /// <summary>The district map; null when the report names no country the gazetteer knows.</summary>
    public ChoroplethMap? Map { get; }

    public IEnumerable<ReportFigure> All =>
        new[] { Trend, Provinces, Map?.Figure }.OfType<ReportFigure>();

    // Rendering one report in several formats draws its pictures once: they live as long as the report.
    private static readonly ConditionalWeakTable<MonthlyReport, ReportFigures> Cache = [];

    public static ReportFigures For(MonthlyReport report) =>
        Cache.GetValue(report, r => new ReportFigures(
            TrendChart.Create(r.Trend), ProvinceChart.Create(r.ByProvince, r.Month), ChoroplethMap.Create(r)));
}
